// `npm run test:faults`: the fault suite. The platform runs as separate processes against the real
// MariaDB and the development broker while the tests kill, freeze and cut things under a ticket
// load. It lives outside apps/libs/tools so that `npm test`'s project list never collects it.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.fault-spec.ts'],
  setupFilesAfterEnv: [require.resolve('../libs/testing-core/jest/integration-setup.js')],
};
