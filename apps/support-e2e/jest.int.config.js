// Cross-service tests: the services together on a real broker and MariaDB, in-process
// (*.int-spec.ts) and as separate processes started the way `npm start` does (*.e2e-spec.ts).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'support-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../../libs/testing-core/jest/integration-setup.js')],
};
