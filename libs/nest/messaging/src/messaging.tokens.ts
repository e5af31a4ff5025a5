/** Injection tokens of the messaging module. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
