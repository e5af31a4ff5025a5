export * from './service-manifest';
export * from './service-infrastructure';
export * from './service-app';
export * from './migration-job';
