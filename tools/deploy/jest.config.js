// Offline checks of deploy/ (Compose, Kubernetes, Dockerfile) and of the service packager.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'deploy',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
