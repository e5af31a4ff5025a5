export * from './observability.module';
export * from './service-logger';
export * from './http-telemetry';
export * from './metrics.controller';
export * from './typeorm-logger';
