export * from './telemetry-context';
export * from './tracing';
export * from './metrics';
export * from './logging';
