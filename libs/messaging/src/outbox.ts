import { createEvent, type EventDefinition, type EventOrigin, type SupportEvent } from '@support/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Records events in the caller's transaction. The relay publishes them after commit, so an event
 * exists if and only if the change that caused it was committed.
 */
export class OutboxWriter {
  private readonly committedListeners: Array<() => void> = [];

  constructor(private readonly source: string) {}

  async add<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: NoInfer<T>,
    origin: EventOrigin,
  ): Promise<SupportEvent<T>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox: ${definition.type} must be written inside the transaction of the change it reports`);
    }
    const event = createEvent(definition, data, { source: this.source, origin });
    await manager.insert(OutboxMessage, {
      eventId: event.id,
      topic: definition.topic,
      messageKey: definition.key(data),
      type: event.type,
      correlationId: origin.correlationId,
      payload: JSON.stringify(event),
      createdAt: new Date(event.time),
      publishedAt: null,
    });
    return event;
  }

  /** Lets the relay publish right away instead of at its next poll. */
  notifyCommitted(): void {
    for (const listener of this.committedListeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }
}
