import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { createEvent, TicketPriorityChanged, TOPICS, type SupportEvent } from '@support/contracts';
import {
  ConsumerFailures,
  DeadLetterPublisher,
  EventConsumer,
  Inbox,
  kafkaProducerConfig,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  onBatch,
  OutboxWriter,
  type ReceivedBatch,
} from '@support/messaging';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import {
  dropDatabasesWithPrefix,
  startMockKafka,
  TEST_DATABASE_URL,
  throwawayPrefix,
  waitFor,
  type RunningBroker,
} from '@support/testing-core';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SupportKafkaServer } from '../src';

const quiet = { warn: () => undefined, error: () => undefined };
const TICKETS = 12;
const STEPS = 25;

/** What the handler saw: every call's size, and each ticket's steps in the order applied. */
const seen = { calls: [] as number[], steps: new Map<string, number[]>() };
let consumer: EventConsumer;

@Controller()
class RecordingController {
  @EventPattern(TOPICS.tickets)
  onTickets(@Payload() batch: ReceivedBatch) {
    return consumer.consume(batch);
  }
}

@Module({ controllers: [RecordingController] })
class RecordingModule {}

function step(ticketId: string, n: number): SupportEvent {
  return createEvent(
    TicketPriorityChanged,
    {
      ticketId,
      accountId: null,
      previousPriority: 'low',
      priority: 'high',
      changedBy: `step-${n}`,
      changedAt: new Date().toISOString(),
    },
    { source: '/test', origin: { correlationId: ticketId } },
  );
}

describe('SupportKafkaServer: a fetch at a time through Nest (real broker and MariaDB)', () => {
  const prefix = throwawayPrefix('batch');
  let broker: RunningBroker;
  let dataSource: DataSource;
  let producer: Producer;
  let app: Awaited<ReturnType<typeof NestFactory.createMicroservice>>;

  beforeAll(async () => {
    broker = await startMockKafka();
    const server = parseDatabaseUrl(TEST_DATABASE_URL);
    await ensureDatabase(server, `${prefix}batch`);
    dataSource = new DataSource({
      ...mysqlDataSourceOptions({ server, database: `${prefix}batch`, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }),
      migrationsRun: true,
    });
    await dataSource.initialize();
    producer = new Kafka({ clientId: 'test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING }).producer(
      kafkaProducerConfig(),
    );
    await producer.connect();
    consumer = new EventConsumer(
      'test.batches',
      [
        onBatch(TicketPriorityChanged, async (events) => {
          seen.calls.push(events.length);
          for (const event of events) {
            const steps = seen.steps.get(event.data.ticketId) ?? [];
            steps.push(Number(event.data.changedBy.slice('step-'.length)));
            seen.steps.set(event.data.ticketId, steps);
          }
        }),
      ],
      {
        dataSource,
        inbox: new Inbox(dataSource),
        outbox: new OutboxWriter('/test'),
        deadLetters: new DeadLetterPublisher(producer),
        failures: new ConsumerFailures(dataSource),
        logger: quiet,
      },
    );
    // everything is on the topic before the consumer joins, so its fetches come back full
    const events: SupportEvent[] = [];
    for (let n = 0; n < STEPS; n++) for (let t = 0; t < TICKETS; t++) events.push(step(`ticket-${t}`, n));
    const messages = events.map((event) => ({ key: (event.data as { ticketId: string }).ticketId, value: JSON.stringify(event) }));
    // a producer retry's duplicate, in the same fetch as the original
    messages.splice(40, 0, messages[3]);
    await producer.send({ topic: TOPICS.tickets, messages, acks: -1 });

    app = await NestFactory.createMicroservice<MicroserviceOptions>(RecordingModule, {
      strategy: new SupportKafkaServer({
        brokers: broker.brokers.split(','),
        clientId: 'batch-test',
        groupId: `batch-${randomBytes(4).toString('hex')}`,
        maxWaitTimeInMs: 50,
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        partitionsConsumedConcurrently: 4,
      }),
      logger: false,
    });
    await app.listen();
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix);
    await broker?.stop();
  });

  it("hands whole fetches to the handler and keeps each ticket's events in order", async () => {
    await waitFor(() => [...seen.steps.values()].reduce((sum, steps) => sum + steps.length, 0) >= TICKETS * STEPS, { timeoutMs: 30_000 });
    expect(seen.steps.size).toBe(TICKETS);
    for (const steps of seen.steps.values()) expect(steps).toEqual(Array.from({ length: STEPS }, (_, n) => n));
    // several messages per call: the fetch was handled as a batch, not one message at a time
    expect(Math.max(...seen.calls)).toBeGreaterThan(10);
    expect(seen.calls.length).toBeLessThan((TICKETS * STEPS) / 5);
  });

  it('applies an event delivered again in a later fetch once', async () => {
    const before = seen.calls.length;
    const again = step('ticket-0', 0);
    const redelivered = [again, again].map((event) => ({ key: 'ticket-0', value: JSON.stringify(event) }));
    await producer.send({ topic: TOPICS.tickets, messages: [redelivered[0]], acks: -1 });
    await waitFor(() => seen.calls.length > before, { timeoutMs: 15_000 });
    await producer.send({ topic: TOPICS.tickets, messages: [redelivered[1]], acks: -1 });
    const recorded = await waitFor(async () => {
      const rows = await dataSource.query('SELECT COUNT(*) AS n FROM inbox_event WHERE event_id = ?', [again.id]);
      return Number(rows[0].n) === 1 ? rows : null;
    });
    expect(recorded).toBeTruthy();
    // give the second delivery time to be consumed: the handler must not have run for it
    const marker = step('ticket-0', 99);
    await producer.send({ topic: TOPICS.tickets, messages: [{ key: 'ticket-0', value: JSON.stringify(marker) }], acks: -1 });
    await waitFor(() => seen.steps.get('ticket-0')!.includes(99), { timeoutMs: 15_000 });
    expect(seen.steps.get('ticket-0')!.slice(STEPS)).toEqual([0, 99]);
  });

  it('commits handled offsets once per interval, not per batch, and all of them when it stops', async () => {
    const kafka = new Kafka({ clientId: 'test-admin', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(TOPICS.tickets);
      const total = ends.reduce((sum, partition) => sum + Number(partition.high), 0);
      const groupId = `commits-${randomBytes(4).toString('hex')}`;
      const server = new SupportKafkaServer({
        brokers: broker.brokers.split(','),
        clientId: 'commit-test',
        groupId,
        maxWaitTimeInMs: 50,
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        // one partition at a time: many batches, all well within one interval
        partitionsConsumedConcurrently: 1,
        commitIntervalMs: 60_000,
      });
      const second = await NestFactory.createMicroservice<MicroserviceOptions>(RecordingModule, { strategy: server, logger: false });
      let commits = 0;
      let batches = 0;
      try {
        await second.listen();
        const [, kafkaConsumer] = server.unwrap<[unknown, Consumer]>();
        kafkaConsumer.on(kafkaConsumer.events.COMMIT_OFFSETS, () => (commits += 1));
        kafkaConsumer.on(kafkaConsumer.events.END_BATCH_PROCESS, () => (batches += 1));
        // the whole topic again, from the beginning, in a new group (the inbox drops it as duplicates)
        await waitFor(() => server.messagesHandled >= total, { timeoutMs: 30_000 });
        expect(batches).toBeGreaterThan(1);
        // the first batch's commit at most (the listeners may have come after it): none per batch
        expect(commits).toBeLessThanOrEqual(1);
      } finally {
        await second.close();
      }
      // the stop committed everything handled: a restart would not be handed any of it again
      const committed = await admin.fetchOffsets({ groupId, topics: [TOPICS.tickets] });
      const offsets = new Map(committed[0].partitions.map((p) => [p.partition, p.offset]));
      const written = ends.filter((end) => end.high !== '0');
      expect(written.length).toBeGreaterThan(0);
      for (const end of written) expect(offsets.get(end.partition)).toBe(end.high);
    } finally {
      await admin.disconnect();
    }
  });
});
