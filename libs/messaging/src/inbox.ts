import type { SupportEvent } from '@support/contracts';
import { isDuplicateKeyError } from '@support/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { InboxEvent } from './inbox-event.entity';

export type InboxOutcome = 'processed' | 'duplicate';

/**
 * Runs an event's effect at most once per consumer: the event id is inserted in the same
 * transaction as the effect, so a redelivery finds it and a rollback forgets it.
 */
export class Inbox {
  constructor(private readonly dataSource: DataSource) {}

  async runOnce(
    consumer: string,
    event: SupportEvent,
    topic: string,
    effect: (manager: EntityManager) => Promise<void>,
  ): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (manager) => {
      try {
        await manager.insert(InboxEvent, {
          consumer,
          eventId: event.id,
          type: event.type,
          topic,
          processedAt: new Date(),
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'duplicate';
        throw error;
      }
      await effect(manager);
      return 'processed';
    });
  }

  /** Forgets ids older than the redelivery window. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query('DELETE FROM inbox_event WHERE processed_at < ? LIMIT 10000', [olderThan]);
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }
}
