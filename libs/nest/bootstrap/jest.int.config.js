// Integration tests: a service's shared infrastructure started from a manifest, and the migrations job, on a real broker and MariaDB.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'nest-bootstrap:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../../libs/testing-core/jest/integration-setup.js')],
};
