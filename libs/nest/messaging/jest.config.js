module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'nest-messaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
