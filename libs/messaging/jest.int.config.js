// Integration tests: the outbox, inbox and consume step against real MariaDB and a Kafka-protocol broker.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../libs/testing-core/jest/integration-setup.js')],
};
