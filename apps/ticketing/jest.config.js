module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'ticketing',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
