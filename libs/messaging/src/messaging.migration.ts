import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service's migrations include. */
export class CreateMessagingTables1763800000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id BIGINT NOT NULL AUTO_INCREMENT,
        event_id VARCHAR(64) NOT NULL,
        topic VARCHAR(255) NOT NULL,
        message_key VARCHAR(255) NOT NULL,
        type VARCHAR(255) NOT NULL,
        correlation_id VARCHAR(128) NOT NULL,
        payload LONGTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        published_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_outbox_event (event_id),
        KEY idx_outbox_unpublished (published_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE inbox_event (
        consumer VARCHAR(100) NOT NULL,
        event_id VARCHAR(64) NOT NULL,
        type VARCHAR(255) NOT NULL,
        topic VARCHAR(255) NOT NULL,
        processed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (consumer, event_id),
        KEY idx_inbox_processed (processed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_event');
    await queryRunner.query('DROP TABLE outbox_message');
  }
}

/** Failure counts of consumed messages, kept across restarts and replicas (ConsumerFailures). */
export class CreateConsumerFailures1764900000000 implements MigrationInterface {
  name = 'CreateConsumerFailures1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consumer_failure (
        consumer VARCHAR(100) NOT NULL,
        topic VARCHAR(255) NOT NULL,
        topic_partition INT NOT NULL,
        message_offset BIGINT NOT NULL,
        attempts INT NOT NULL,
        last_error TEXT NOT NULL,
        failed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (consumer, topic, topic_partition, message_offset),
        KEY idx_consumer_failure_at (failed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consumer_failure');
  }
}

/** The W3C trace context of each outbox row, sent as the Kafka message's traceparent/tracestate headers. */
export class AddOutboxTraceContext1765100000000 implements MigrationInterface {
  name = 'AddOutboxTraceContext1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message ADD COLUMN traceparent VARCHAR(55) NULL, ADD COLUMN tracestate VARCHAR(512) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message DROP COLUMN traceparent, DROP COLUMN tracestate');
  }
}

/**
 * The outbox in ROW_FORMAT=REDUNDANT, so that the relay marks a row published in place. In the
 * COMPACT and DYNAMIC formats a NULL column takes no room, so setting `published_at` grew every
 * record: InnoDB moved it within its page, often reorganizing the page, and logged the record with
 * its payload again (about 5.7 KB of redo a row). REDUNDANT keeps the room of a NULL fixed-length
 * column such as DATETIME(3), so the mark writes 7 bytes where they lie: about 140 bytes of redo a
 * row and 40 % less of the server's CPU, with the same inserts and the same `IS NULL` reads
 * (bench/README.md, results of 2026-12-05, 22:14–23:30). REDUNDANT caps an index key at 767 bytes;
 * the outbox's keys are far below. Rebuilds the table: online with MariaDB and MySQL 8.
 */
export class OutboxMarkInPlace1765200000000 implements MigrationInterface {
  name = 'OutboxMarkInPlace1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message ROW_FORMAT=REDUNDANT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message ROW_FORMAT=DYNAMIC');
  }
}
