export * from './api-problem';
export * from './openapi-document';
export * from './api-fields';
