module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'asyncapi',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
