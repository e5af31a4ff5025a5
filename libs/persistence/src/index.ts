export * from './database-url';
export * from './database-admin';
export * from './data-source-options';
export * from './migration-runner';
export * from './errors';
export * from './query-logger';
export * from './bulk-write';
export * from './json-rows';
