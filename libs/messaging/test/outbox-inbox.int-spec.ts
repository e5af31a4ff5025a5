import { createEvent, TicketCreated, TicketPriorityChanged, TOPICS, type TicketCreatedV1 } from '@support/contracts';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { dropDatabasesWithPrefix, EventProbe, startMockKafka, TEST_DATABASE_URL, throwawayPrefix, waitFor, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  DeadLetterPublisher, EventConsumer, Inbox, kafkaProducerConfig, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, on, OutboxRelay,
  OutboxWriter, UnprocessableEventError, type ReceivedMessage,
} from '../src';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function ticketData(id: string, priority: TicketCreatedV1['priority'] = 'normal'): TicketCreatedV1 {
  return {
    ticketId: id, accountId: 'a', requesterId: 'u', subject: 's', description: 'd', priority, device: 'web',
    ccEmails: [], meetingId: null, occurredAt: null, createdAt: new Date().toISOString(),
  };
}

describe('outbox, relay, inbox and the consume step (real MariaDB and broker)', () => {
  const prefix = throwawayPrefix('msg');
  let broker: RunningBroker;
  let dataSource: DataSource;
  let producer: Producer;
  let probe: EventProbe;
  const writer = new OutboxWriter('/support/test');

  beforeAll(async () => {
    broker = await startMockKafka();
    const server = parseDatabaseUrl(TEST_DATABASE_URL);
    await ensureDatabase(server, `${prefix}messaging`);
    dataSource = new DataSource({
      ...mysqlDataSourceOptions({ server, database: `${prefix}messaging`, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }),
      migrationsRun: true,
    });
    await dataSource.initialize();
    producer = new Kafka({ clientId: 'test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING }).producer(kafkaProducerConfig());
    await producer.connect();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.deadLetter]);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.disconnect();
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix);
    await broker?.stop();
  });

  it('refuses to record an event outside a transaction', async () => {
    await expect(writer.add(dataSource.manager, TicketCreated, ticketData('t-0'), { correlationId: 'c' })).rejects.toThrow(/inside the transaction/);
  });

  it('publishes committed events in commit order, keyed by aggregate, and nothing from a rolled-back change', async () => {
    const relay = new OutboxRelay(dataSource, producer, quiet);
    await dataSource.transaction(async (manager) => {
      await writer.add(manager, TicketCreated, ticketData('t-1'), { correlationId: 'corr-1' });
      await writer.add(manager, TicketPriorityChanged, {
        ticketId: 't-1', accountId: 'a', previousPriority: 'normal', priority: 'urgent', changedBy: 'agent', changedAt: new Date().toISOString(),
      }, { correlationId: 'corr-1' });
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.add(manager, TicketCreated, ticketData('t-rolled-back'), { correlationId: 'corr-2' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await relay.relayOnce()).toBe(2);
    expect(await relay.relayOnce()).toBe(0);
    await waitFor(() => probe.events(undefined, 't-1').length === 2);
    const messages = probe.messages.filter((m) => m.key === 't-1');
    expect(messages.map((m) => m.event!.type)).toEqual(['support.ticket.created.v1', 'support.ticket.priority_changed.v1']);
    expect(messages[0].headers['content-type']).toMatch(/application\/cloudevents\+json/);
    expect(messages[0].headers['correlationid']).toBe('corr-1');
    expect(probe.events(undefined, 't-rolled-back')).toHaveLength(0);
  });

  it('keeps events that could not be sent and sends them once the broker answers again', async () => {
    let failures = 2;
    const flaky = {
      sendBatch: async (batch: Parameters<Producer['sendBatch']>[0]) => {
        if (failures-- > 0) throw new Error('broker unavailable');
        return producer.sendBatch(batch);
      },
    };
    const relay = new OutboxRelay(dataSource, flaky, quiet, { pollIntervalMs: 20 });
    await dataSource.transaction((manager) => writer.add(manager, TicketCreated, ticketData('t-2'), { correlationId: 'c' }).then(() => undefined));
    relay.start();
    await waitFor(() => probe.events(TicketCreated.type, 't-2').length === 1, { timeoutMs: 15_000 });
    await relay.stop();
    const pending = await dataSource.query('SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL');
    expect(Number(pending[0].n)).toBe(0);
    expect(probe.events(TicketCreated.type, 't-2')).toHaveLength(1);
  });

  it('lets two relays run together without losing or reordering a key', async () => {
    const relays = [new OutboxRelay(dataSource, producer, quiet, { pollIntervalMs: 10, batchSize: 5 }), new OutboxRelay(dataSource, producer, quiet, { pollIntervalMs: 10, batchSize: 5 })];
    relays.forEach((r) => r.start());
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    for (let i = 0; i < 20; i += 1) {
      await dataSource.transaction((manager) =>
        writer.add(manager, TicketPriorityChanged, {
          ticketId: 't-order', accountId: null, previousPriority: priorities[i % 4], priority: priorities[(i + 1) % 4],
          changedBy: `step-${i}`, changedAt: new Date().toISOString(),
        }, { correlationId: 'c' }).then(() => undefined),
      );
    }
    await waitFor(() => probe.events(TicketPriorityChanged.type, 't-order').length >= 20, { timeoutMs: 20_000 });
    await Promise.all(relays.map((r) => r.stop()));
    const steps = probe.events(TicketPriorityChanged.type, 't-order').map((e) => (e.data as { changedBy: string }).changedBy);
    expect(steps).toEqual(Array.from({ length: 20 }, (_, i) => `step-${i}`));
  });

  describe('the consume step', () => {
    const inbox = () => new Inbox(dataSource);
    const received = (value: string | null, offset: string, key = 'k'): ReceivedMessage => ({
      topic: TOPICS.tickets, partition: 0, offset, key, value, headers: { origin: 'test' },
    });

    it('applies an event once however often it is delivered', async () => {
      const seen: string[] = [];
      const consumer = new EventConsumer('test.once', [on(TicketCreated, async (event) => void seen.push(event.data.ticketId))], inbox(), new DeadLetterPublisher(producer), quiet);
      const event = createEvent(TicketCreated, ticketData('t-3'), { source: '/s', origin: { correlationId: 'c' } });
      const value = JSON.stringify(event);
      expect(await consumer.consume(received(value, '1'))).toBe('processed');
      expect(await consumer.consume(received(value, '2'))).toBe('duplicate');
      expect(await Promise.all([consumer.consume(received(value, '3')), consumer.consume(received(value, '4'))])).toEqual(['duplicate', 'duplicate']);
      expect(seen).toEqual(['t-3']);
    });

    it('forgets the event id when the effect fails, so a redelivery applies it', async () => {
      let attempts = 0;
      const consumer = new EventConsumer('test.retry', [on(TicketCreated, async () => {
        attempts += 1;
        if (attempts === 1) throw Object.assign(new Error('connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
      })], inbox(), new DeadLetterPublisher(producer), quiet);
      const value = JSON.stringify(createEvent(TicketCreated, ticketData('t-4'), { source: '/s', origin: { correlationId: 'c' } }));
      await expect(consumer.consume(received(value, '10'))).rejects.toThrow('connection lost');
      expect(await consumer.consume(received(value, '10'))).toBe('processed');
      expect(attempts).toBe(2);
    });

    it('ignores types it does not handle and dead-letters what can never be processed', async () => {
      const consumer = new EventConsumer('test.dlq', [on(TicketCreated, async (event) => {
        if (event.data.ticketId === 't-poison') throw new UnprocessableEventError('ticket refers to nothing we know');
      })], inbox(), new DeadLetterPublisher(producer), quiet, 3);
      const other = createEvent(TicketPriorityChanged, {
        ticketId: 't-5', accountId: null, previousPriority: 'low', priority: 'high', changedBy: 'x', changedAt: new Date().toISOString(),
      }, { source: '/s', origin: { correlationId: 'c' } });
      expect(await consumer.consume(received(JSON.stringify(other), '20'))).toBe('ignored');
      expect(await consumer.consume(received(JSON.stringify({ ...other, type: 'support.unknown.v1' }), '21', 'dlq-unknown'))).toBe('dead_lettered');
      expect(await consumer.consume(received('{ broken', '22', 'dlq-broken'))).toBe('dead_lettered');
      const poison = createEvent(TicketCreated, ticketData('t-poison'), { source: '/s', origin: { correlationId: 'c' } });
      expect(await consumer.consume(received(JSON.stringify(poison), '23', 'dlq-poison'))).toBe('dead_lettered');

      const failing = new EventConsumer('test.bug', [on(TicketCreated, async () => { throw new TypeError('a bug'); })], inbox(), new DeadLetterPublisher(producer), quiet, 3);
      const buggy = JSON.stringify(createEvent(TicketCreated, ticketData('t-bug'), { source: '/s', origin: { correlationId: 'c' } }));
      await expect(failing.consume(received(buggy, '30', 'dlq-bug'))).rejects.toThrow('a bug');
      await expect(failing.consume(received(buggy, '30', 'dlq-bug'))).rejects.toThrow('a bug');
      expect(await failing.consume(received(buggy, '30', 'dlq-bug'))).toBe('dead_lettered');

      const reasons = await waitFor(() => {
        const parked = probe.messages.filter((m) => m.topic === TOPICS.deadLetter && m.key?.startsWith('dlq-'));
        return parked.length === 4 ? Object.fromEntries(parked.map((m) => [m.key, m.headers['dlq-reason']])) : null;
      });
      expect(reasons).toEqual({ 'dlq-unknown': 'unknown_type', 'dlq-broken': 'unparseable', 'dlq-poison': 'unprocessable', 'dlq-bug': 'handler_failed' });
      const broken = probe.messages.find((m) => m.key === 'dlq-broken')!;
      expect(broken.value).toBe('{ broken');
      expect(broken.headers).toMatchObject({ origin: 'test', 'dlq-origin-topic': TOPICS.tickets, 'dlq-origin-offset': '22', 'dlq-consumer': 'test.dlq' });
    });
  });
});
