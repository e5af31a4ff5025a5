module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-knowledge',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
