// Integration tests: real MariaDB and a real Kafka-protocol broker.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'entitlements:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../libs/testing-core/jest/integration-setup.js')],
};
