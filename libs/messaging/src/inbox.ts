import type { DataSource, EntityManager } from 'typeorm';

/** Most rows one prune deletes: a bounded statement; a longer backlog takes further passes. */
export const PRUNE_BATCH_SIZE = 10_000;

export interface InboxEntry {
  id: string;
  type: string;
}

/** The inbox found some of the batch's ids already recorded: claim them one by one instead. */
export class InboxDuplicatesFound extends Error {
  constructor() {
    super('some events of the batch were processed before');
    this.name = 'InboxDuplicatesFound';
  }
}

/**
 * Runs each event's effect at most once per consumer: the event ids are inserted in the same
 * transaction as the effects, so a redelivery finds them and a rollback forgets them.
 */
export class Inbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a batch of distinct event ids in one statement. When every id is new (the usual case)
   * that is all; when some were recorded before, it throws InboxDuplicatesFound so the caller
   * rolls back and asks `fresh()` which ones to handle.
   */
  async record(manager: EntityManager, consumer: string, topic: string, entries: readonly InboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date();
    // a loop, not a closure made per call: V8 drops such a closure's optimized code at every full
    // collection and compiles it again (CONTRIBUTING.md, "Hot paths")
    const rows: unknown[][] = [];
    for (const entry of entries) rows.push([consumer, entry.id, entry.type, topic, now]);
    // INSERT IGNORE: a concurrent delivery of the same id waits on its row lock, then is ignored
    const result: { affectedRows: number } = await manager.query(
      'INSERT IGNORE INTO inbox_event (consumer, event_id, type, topic, processed_at) VALUES ?',
      [rows],
    );
    if (result.affectedRows !== entries.length) throw new InboxDuplicatesFound();
  }

  /** Which of these ids this consumer has not processed yet (one indexed read). */
  async fresh(manager: EntityManager, consumer: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const seen: Array<{ event_id: string }> = await manager.query(
      'SELECT event_id FROM inbox_event WHERE consumer = ? AND event_id IN (?)',
      [consumer, ids],
    );
    const done = new Set(seen.map((row) => row.event_id));
    return new Set(ids.filter((id) => !done.has(id)));
  }

  /** Forgets ids older than the redelivery window: deletes up to PRUNE_BATCH_SIZE rows processed before `olderThan`; answers how many. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query('DELETE FROM inbox_event WHERE processed_at < ? LIMIT ?', [olderThan, PRUNE_BATCH_SIZE]);
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }
}
