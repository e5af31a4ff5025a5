export * from './kafka-broker';
export * from './throwaway-database';
export * from './wait';
export * from './event-probe';
export * from './tokens';
export * from './http';
export * from './free-port';
export * from './migration-bed';
