// Integration tests: real MariaDB and a real Kafka-protocol broker.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'sla-escalation:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../libs/testing-core/jest/integration-setup.js')],
};
