import type { SupportEvent } from '@support/contracts';
import type { DataSource, EntityManager } from 'typeorm';

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
      // INSERT IGNORE: a concurrent delivery waits on the row lock, then finds it and does nothing
      const result: { affectedRows: number } = await manager.query(
        'INSERT IGNORE INTO inbox_event (consumer, event_id, type, topic, processed_at) VALUES (?, ?, ?, ?, ?)',
        [consumer, event.id, event.type, topic, new Date()],
      );
      if (result.affectedRows === 0) return 'duplicate';
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
