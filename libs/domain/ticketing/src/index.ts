export * from './vocabulary';
export * from './ticket-lifecycle';
export * from './ticket-visibility';
export * from './form-rules';
