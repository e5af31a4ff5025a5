// Integration and end-to-end suites start brokers, databases and services: give their hooks and
// tests room. (Jest ignores `testTimeout` inside a project of a multi-project run.)
jest.setTimeout(180_000);
