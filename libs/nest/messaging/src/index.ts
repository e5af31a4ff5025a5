export * from './messaging.tokens';
export * from './support-kafka.server';
export * from './event-consumers';
export * from './messaging.module';
export * from './transactional-outbox';
export * from './service-app';
export * from './service-modules';
export * from './migration-job';
