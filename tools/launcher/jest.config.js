// The launcher's pure parts: how a service's command line is built from the environment.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'launcher',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
