module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'entitlements',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
