import type { Topic } from './topics';

export type PayloadClass<T> = new () => T;

/**
 * Everything the wire needs to know about one event type: its versioned type literal, the topic
 * it travels on, the class that validates its payload, and the rule that picks the message key
 * (the aggregate id, so that one aggregate's events stay ordered in one partition).
 */
export interface EventDefinition<T extends object = object> {
  readonly type: string;
  readonly topic: Topic;
  readonly payload: PayloadClass<T>;
  readonly key: (data: T) => string;
  readonly subject: (data: T) => string;
}

export function defineEvent<T extends object>(definition: {
  type: string;
  topic: Topic;
  payload: PayloadClass<T>;
  key: (data: T) => string;
  subject?: (data: T) => string;
}): EventDefinition<T> {
  return { subject: definition.key, ...definition };
}

export type EventPayload<D> = D extends EventDefinition<infer T> ? T : never;
