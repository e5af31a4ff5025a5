export * from './messaging.tokens';
export * from './support-kafka.server';
export * from './event-consumers';
export * from './messaging.module';
export * from './unit-of-work';
export * from './kafka-settings-from-environment';
