module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'sla-escalation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
