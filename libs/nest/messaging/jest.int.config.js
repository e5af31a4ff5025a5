// Integration tests: Nest's Kafka transport consuming a fetch at a time, on a real broker and MariaDB.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'nest-messaging:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../../libs/testing-core/jest/integration-setup.js')],
};
