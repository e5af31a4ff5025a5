export * from './api-problem';
export * from './openapi-document';
