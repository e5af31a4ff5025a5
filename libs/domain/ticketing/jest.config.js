module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-ticketing',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
