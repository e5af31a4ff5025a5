// The bench's own parts that tests can hold to a result: the load generator's HTTP client, the
// timeline's server stops, the server --own-database starts.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // the services' Node.js the bench fetches (service-node.ts): nothing of the tests' there
  modulePathIgnorePatterns: ['<rootDir>/.runtime/'],
};
