import type { DataSource } from 'typeorm';
import { PRUNE_BATCH_SIZE } from './inbox';

export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * How often each message has failed in a handler, kept in the service's database so that a
 * restart or a rebalance to another replica does not reset the count: a message that fails
 * `maxAttempts` times in a row, on any replica, goes to the dead-letter topic.
 */
export class ConsumerFailures {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one more failure (outside any batch transaction, which rolled back) and returns the total. */
  async count(consumer: string, message: FailedMessage, error: string): Promise<number> {
    const key = [consumer, message.topic, message.partition, message.offset];
    await this.dataSource.query(
      `INSERT INTO consumer_failure (consumer, topic, topic_partition, message_offset, attempts, last_error, failed_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)
       ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_error = VALUES(last_error), failed_at = VALUES(failed_at)`,
      [...key, error.slice(0, 2000), new Date()],
    );
    const rows: Array<{ attempts: number }> = await this.dataSource.query(
      'SELECT attempts FROM consumer_failure WHERE consumer = ? AND topic = ? AND topic_partition = ? AND message_offset = ?',
      key,
    );
    return Number(rows[0]?.attempts ?? 1);
  }

  /** Forgets a message once it was processed or dead-lettered. */
  async clear(consumer: string, message: FailedMessage): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM consumer_failure WHERE consumer = ? AND topic = ? AND topic_partition = ? AND message_offset = ?',
      [consumer, message.topic, message.partition, message.offset],
    );
  }

  /** Forgets counts older than the redelivery window (a topic recreated from offset 0, say). */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query('DELETE FROM consumer_failure WHERE failed_at < ? LIMIT ?', [olderThan, PRUNE_BATCH_SIZE]);
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }
}
