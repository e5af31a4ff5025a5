module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-entitlements',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
