import { createEvent, type EventDefinition, type EventOrigin, type SupportEvent } from '@support/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records events in the caller's transaction. The relay publishes them after commit, so an event
 * exists if and only if the change that caused it was committed.
 */
export interface PendingEvent<T extends object = object> {
  definition: EventDefinition<T>;
  data: T;
  origin: EventOrigin;
}

/** One pending event; `pending(definition, data, origin)` keeps the payload type checked. */
export function pending<T extends object>(definition: EventDefinition<T>, data: NoInfer<T>, origin: EventOrigin): PendingEvent {
  return { definition: definition as unknown as EventDefinition<object>, data, origin };
}

export class OutboxWriter {
  private readonly committedListeners: Array<() => void> = [];

  constructor(private readonly source: string) {}

  async add<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: NoInfer<T>,
    origin: EventOrigin,
  ): Promise<SupportEvent<T>> {
    const [event] = await this.addMany(manager, [pending(definition, data, origin)]);
    return event as SupportEvent<T>;
  }

  /** Records several events with one multi-row insert, in the given order (the relay keeps it). */
  async addMany(manager: EntityManager, events: PendingEvent[]): Promise<SupportEvent[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox: ${events[0].definition.type} must be written inside the transaction of the change it reports`);
    }
    const created = events.map(({ definition, data, origin }) => createEvent(definition, data, { source: this.source, origin }));
    const rows = created.map((event, index) => [
      event.id,
      events[index].definition.topic,
      events[index].definition.key(events[index].data),
      event.type,
      events[index].origin.correlationId,
      JSON.stringify(event),
      new Date(event.time),
    ]);
    await manager.query(
      'INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at) VALUES ?',
      [rows],
    );
    return created;
  }

  /** Lets the relay publish right away instead of at its next poll. */
  notifyCommitted(): void {
    for (const listener of this.committedListeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }
}
