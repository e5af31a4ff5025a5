/**
 * Raw ceilings, measured in the same run as the pipeline so that its figures read as ratios:
 * - MariaDB: transactions/s, each inserting a ticket, a status row and an outbox row (the write a
 *   new ticket needs at minimum), from several connections at once;
 * - the broker: ~1 KB messages/s from a kafkajs producer to an independent consumer, end to end.
 */
import { stopKafkaJsIdleTimers } from '@support/messaging';
import { dropDatabase, ensureDatabase, parseDatabaseUrl } from '@support/persistence';
import { startMockKafka } from '@support/testing-core';
import { Kafka, logLevel } from 'kafkajs';
import { createConnection } from 'mysql2/promise';
import { randomBytes, randomUUID } from 'node:crypto';
import { onCleanup } from './cleanup';
import type { BenchOptions, BenchSection } from './section';
import { nowMs, round, sleep } from './stats';

/** The result both ceilings hand to the pipeline, which reports its throughput as a ratio of them. */
export interface CeilingFigures {
  mysqlTransactionsPerSecond: number | null;
  brokerMessagesPerSecond: number | null;
}

let lastFigures: CeilingFigures = { mysqlTransactionsPerSecond: null, brokerMessagesPerSecond: null };
/** The figures of this run's ceilings part (null when it did not run or failed). */
export const ceilingFigures = (): CeilingFigures => lastFigures;

// Shaped like ticketing's ticket and ticket_status_change tables and the shared outbox_message.
const SCHEMA = [
  `CREATE TABLE ticket (
     id CHAR(36) NOT NULL, account_id VARCHAR(64) NULL, requester_id VARCHAR(128) NOT NULL,
     subject VARCHAR(255) NOT NULL, description MEDIUMTEXT NOT NULL, priority VARCHAR(16) NOT NULL,
     device VARCHAR(16) NOT NULL, cc_emails JSON NOT NULL, status VARCHAR(16) NOT NULL,
     entitlement_status VARCHAR(16) NOT NULL, created_at DATETIME(3) NOT NULL, updated_at DATETIME(3) NOT NULL,
     version INT NOT NULL,
     PRIMARY KEY (id), KEY idx_ticket_requester (requester_id, id), KEY idx_ticket_account (account_id, id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `CREATE TABLE ticket_status_change (
     id BIGINT NOT NULL AUTO_INCREMENT, ticket_id CHAR(36) NOT NULL, previous_status VARCHAR(16) NULL,
     status VARCHAR(16) NOT NULL, reason TEXT NULL, changed_by VARCHAR(128) NOT NULL, changed_at DATETIME(3) NOT NULL,
     PRIMARY KEY (id), KEY idx_status_change_ticket (ticket_id, id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `CREATE TABLE outbox_message (
     id BIGINT NOT NULL AUTO_INCREMENT, event_id VARCHAR(64) NOT NULL, topic VARCHAR(255) NOT NULL,
     message_key VARCHAR(255) NOT NULL, type VARCHAR(255) NOT NULL, correlation_id VARCHAR(128) NOT NULL,
     payload LONGTEXT NOT NULL, created_at DATETIME(3) NOT NULL, published_at DATETIME(3) NULL,
     PRIMARY KEY (id), UNIQUE KEY uq_outbox_event (event_id), KEY idx_outbox_unpublished (published_at, id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
];

const CONNECTIONS = 8;
const DESCRIPTION = 'Participants hear an echo in meeting 123 456 789 whenever two people speak. '.repeat(4);

async function mysqlCeiling(options: BenchOptions): Promise<Record<string, string | number | null>> {
  const server = parseDatabaseUrl(options.databaseUrl);
  const database = `bench_ceiling_${randomBytes(4).toString('hex')}`;
  const durationMs = options.quick ? 2000 : 10_000;
  await ensureDatabase(server, database);
  const dropIt = onCleanup(`database ${database}`, () => dropDatabase(server, database));
  const connections = await Promise.all(
    Array.from({ length: CONNECTIONS }, () => createConnection({ ...server, database, timezone: 'Z' })),
  );
  const closeThem = onCleanup('ceiling connections', async () => {
    await Promise.all(connections.map((connection) => connection.end().catch(() => undefined)));
  });
  try {
    for (const statement of SCHEMA) await connections[0].query(statement);
    const payload = JSON.stringify({ data: { description: DESCRIPTION, padding: 'x'.repeat(600) } });
    let transactions = 0;
    const started = nowMs();
    const deadline = started + durationMs;
    await Promise.all(
      connections.map(async (connection) => {
        while (nowMs() < deadline) {
          const id = randomUUID();
          const now = new Date();
          await connection.query('START TRANSACTION');
          await connection.query(
            `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
               entitlement_status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 'urgent', 'desktop', '[]', 'new', 'pending', ?, ?, 1)`,
            [id, 'acct-bench', 'owner-bench', 'Echo in every meeting', DESCRIPTION, now, now],
          );
          await connection.query(
            `INSERT INTO ticket_status_change (ticket_id, previous_status, status, reason, changed_by, changed_at) VALUES (?, NULL, 'new', NULL, ?, ?)`,
            [id, 'owner-bench', now],
          );
          await connection.query(
            `INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at) VALUES (?, 'support.tickets', ?, 'support.ticket.created.v1', ?, ?, ?)`,
            [randomUUID(), id, randomUUID(), payload, now],
          );
          await connection.query('COMMIT');
          transactions++;
        }
      }),
    );
    const seconds = (nowMs() - started) / 1000;
    const perSecond = transactions / seconds;
    lastFigures = { ...lastFigures, mysqlTransactionsPerSecond: perSecond };
    return {
      ceiling: 'MariaDB transactions',
      unit: 'tx/s',
      rate: round(perSecond),
      count: transactions,
      seconds: round(seconds),
      setup: `${CONNECTIONS} connections; 3 inserts + commit each (ticket, status row, outbox row)`,
    };
  } finally {
    await closeThem.run();
    await dropIt.run();
  }
}

async function brokerCeiling(options: BenchOptions): Promise<Record<string, string | number | null>> {
  const broker = await startMockKafka();
  const stopBroker = onCleanup('ceiling broker', () => broker.stop());
  // the same kafkajs as the platform's clients: without its idle timer loop (kafkaClientConfig)
  stopKafkaJsIdleTimers();
  const kafka = new Kafka({ clientId: 'bench-ceiling', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  const consumer = kafka.consumer({
    groupId: `bench-ceiling-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
    sessionTimeout: 6000,
    heartbeatInterval: 1000,
  });
  const disconnect = onCleanup('ceiling kafka clients', async () => {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
  });
  try {
    const topic = `bench.ceiling.${randomBytes(4).toString('hex')}`;
    await producer.connect();
    // the mock cluster creates the topic (4 partitions) on first use
    await producer.send({ topic, messages: [{ key: 'warm-up', value: 'warm-up' }] });
    let received = 0;
    let lastReceivedAt = 0;
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) if (message.key?.toString() !== 'warm-up') received++;
        lastReceivedAt = nowMs();
      },
    });
    for (let waited = 0; !joined; waited += 50) {
      if (waited > 30_000) throw new Error('the ceiling consumer did not join its group within 30 s');
      await sleep(50);
    }

    const durationMs = options.quick ? 1500 : 10_000;
    const batchSize = 200;
    const inFlight = 4;
    // the mock cluster keeps only the newest few MB of each partition (older offsets answer
    // OFFSET_OUT_OF_RANGE): the producer stays at most this far ahead of the consumer, so the
    // figure is what flows end to end, never what the broker dropped
    const maxAhead = 6000;
    const value = Buffer.alloc(1024, 'x');
    let sent = 0;
    let sequence = 0;
    const started = nowMs();
    const deadline = started + durationMs;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (nowMs() < deadline) {
          if (sent - received > maxAhead) {
            await sleep(1);
            continue;
          }
          const messages = Array.from({ length: batchSize }, () => ({ key: `ticket-${sequence++ % 4096}`, value }));
          await producer.send({ topic, messages });
          sent += messages.length;
        }
      }),
    );
    const producedAt = nowMs();
    const drainDeadline = producedAt + 60_000;
    while (received < sent && nowMs() < drainDeadline) await sleep(20);
    if (received < sent) throw new Error(`broker ceiling: only ${received} of ${sent} messages arrived within 60 s`);
    const seconds = (lastReceivedAt - started) / 1000;
    const perSecond = received / seconds;
    lastFigures = { ...lastFigures, brokerMessagesPerSecond: perSecond };
    return {
      ceiling: 'broker produce → consume',
      unit: 'msgs/s',
      rate: round(perSecond),
      count: received,
      seconds: round(seconds),
      setup: `1 KB messages, batches of ${batchSize}, ${inFlight} sends in flight, acks=all, producer at most ${maxAhead} ahead; consumer eachBatch; produce-only ${round(sent / ((producedAt - started) / 1000))}/s`,
    };
  } finally {
    await disconnect.run();
    await stopBroker.run();
  }
}

export async function run(options: BenchOptions): Promise<BenchSection[]> {
  lastFigures = { mysqlTransactionsPerSecond: null, brokerMessagesPerSecond: null };
  const rows = [await mysqlCeiling(options), await brokerCeiling(options)];
  return [
    {
      name: 'Raw ceilings',
      rows,
      notes: [
        'the pipeline section reads its throughput as a ratio of these, measured minutes apart on the same machine',
        'broker: the development broker (librdkafka mock cluster via kcat), the one the pipeline runs on',
      ],
    },
  ];
}
