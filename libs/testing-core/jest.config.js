module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'testing-core',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
