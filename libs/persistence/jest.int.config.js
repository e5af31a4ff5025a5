// Integration tests: the bulk writes against a real MariaDB.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'persistence:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
};
