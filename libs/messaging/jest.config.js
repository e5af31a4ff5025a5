// Unit tests of the framework-free messaging logic (no broker, no database).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
