module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'knowledge-base',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
