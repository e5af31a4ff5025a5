import {
  EVENT_DEFINITIONS, InvalidEventError, parseEnvelope, readPayload,
  type EventDefinition, type EventOrigin, type SupportEvent,
} from '@support/contracts';
import { isTransientDatabaseError } from '@support/persistence';
import type { EntityManager } from 'typeorm';
import type { DeadLetterPublisher, ReceivedMessage } from './dead-letter';
import type { Inbox } from './inbox';

export interface HandlerContext {
  /** the transaction that also records the event id in the inbox */
  manager: EntityManager;
  /** pass to the outbox for events this handler causes */
  origin: EventOrigin;
  topic: string;
}

export type EventHandler<T> = (event: SupportEvent<T>, context: HandlerContext) => Promise<void>;

export interface HandlerBinding {
  definition: EventDefinition;
  handler: EventHandler<object>;
}

export function on<T extends object>(definition: EventDefinition<T>, handler: EventHandler<T>): HandlerBinding {
  return { definition: definition as unknown as EventDefinition, handler: handler as EventHandler<object> };
}

/** Thrown by a handler for an event that can never be applied (not a passing failure). */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}

export type ConsumeOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead_lettered';

export interface ConsumerLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The one step every consumed message goes through before a handler runs: parse the CloudEvents
 * envelope, validate the payload against its contract class, skip ids already processed, run the
 * handler in the inbox transaction. What can never succeed goes to support.dlq and the consumer
 * moves on; what may succeed later (database or broker away) is thrown so Kafka redelivers it.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, HandlerBinding>();
  /** failures of one message that are not known to be passing, by topic/partition/offset */
  private readonly failures = new Map<string, number>();

  constructor(
    readonly name: string,
    bindings: HandlerBinding[],
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly logger: ConsumerLogger,
    private readonly maxAttempts = 5,
  ) {
    for (const binding of bindings) this.handlers.set(binding.definition.type, binding);
  }

  async consume(message: ReceivedMessage): Promise<ConsumeOutcome> {
    let event: SupportEvent;
    let binding: HandlerBinding | undefined;
    try {
      event = parseEnvelope(message.value);
      binding = this.handlers.get(event.type);
      if (!binding) {
        // Topics carry several types; a known type this consumer does not handle is not an error.
        if (EVENT_DEFINITIONS.has(event.type)) return 'ignored';
        throw new InvalidEventError('unknown_type', `unknown event type "${event.type}"`);
      }
      readPayload(binding.definition, event);
    } catch (error) {
      if (error instanceof InvalidEventError) return this.deadLetter(message, error.reason, error.message);
      throw error;
    }

    const attemptKey = `${message.topic}/${message.partition}/${message.offset}`;
    try {
      const handler = binding.handler;
      const origin: EventOrigin = { correlationId: event.correlationid, causationId: event.id };
      const outcome = await this.inbox.runOnce(this.name, event, message.topic, (manager) =>
        handler(event as SupportEvent<object>, { manager, origin, topic: message.topic }),
      );
      this.failures.delete(attemptKey);
      return outcome;
    } catch (error) {
      if (error instanceof UnprocessableEventError || error instanceof InvalidEventError) {
        return this.deadLetter(message, 'unprocessable', error.message);
      }
      if (!isTransientDatabaseError(error)) {
        const attempts = (this.failures.get(attemptKey) ?? 0) + 1;
        this.failures.set(attemptKey, attempts);
        if (attempts >= this.maxAttempts) {
          this.failures.delete(attemptKey);
          return this.deadLetter(message, 'handler_failed', `${attempts} attempts: ${(error as Error).message}`);
        }
      }
      this.logger.warn(`${this.name}: ${event.type} ${event.id} failed, will be redelivered: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deadLetter(message: ReceivedMessage, reason: string, detail: string): Promise<ConsumeOutcome> {
    this.logger.error(`${this.name}: ${message.topic}/${message.partition}@${message.offset} to ${'support.dlq'}: ${reason}: ${detail}`);
    await this.deadLetters.publish(message, this.name, reason, detail);
    return 'dead_lettered';
  }
}
