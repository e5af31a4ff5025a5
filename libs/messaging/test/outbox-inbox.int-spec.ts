import { createEvent, TicketCreated, TicketPriorityChanged, TOPICS, type TicketCreatedV1 } from '@support/contracts';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import {
  dropDatabasesWithPrefix,
  EventProbe,
  startMockKafka,
  TEST_DATABASE_URL,
  throwawayPrefix,
  waitFor,
  type RunningBroker,
} from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  ConsumerFailures,
  DeadLetterPublisher,
  EventConsumer,
  Inbox,
  kafkaProducerConfig,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  CLAIM_UNPUBLISHED,
  on,
  onBatch,
  OutboxRelay,
  OutboxWriter,
  UnprocessableEventError,
  type EventConsumerOptions,
  type HandlerBinding,
  type ReceivedBatch,
  type ReceivedMessage,
} from '../src';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function ticketData(id: string, priority: TicketCreatedV1['priority'] = 'normal'): TicketCreatedV1 {
  return {
    ticketId: id,
    accountId: 'a',
    requesterId: 'u',
    subject: 's',
    description: 'd',
    priority,
    device: 'web',
    ccEmails: [],
    meetingId: null,
    occurredAt: null,
    createdAt: new Date().toISOString(),
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
    producer = new Kafka({ clientId: 'test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING }).producer(
      kafkaProducerConfig(),
    );
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
    await expect(writer.add(dataSource.manager, TicketCreated, ticketData('t-0'), { correlationId: 'c' })).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('publishes committed events in commit order, keyed by aggregate, and nothing from a rolled-back change', async () => {
    const relay = new OutboxRelay(dataSource, producer, quiet);
    await dataSource.transaction(async (manager) => {
      await writer.add(manager, TicketCreated, ticketData('t-1'), { correlationId: 'corr-1' });
      await writer.add(
        manager,
        TicketPriorityChanged,
        {
          ticketId: 't-1',
          accountId: 'a',
          previousPriority: 'normal',
          priority: 'urgent',
          changedBy: 'agent',
          changedAt: new Date().toISOString(),
        },
        { correlationId: 'corr-1' },
      );
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

  it('keeps the room of an unset published_at in each row, so that marking a row published rewrites it in place', async () => {
    const [table] = await dataSource.query(
      'SELECT ROW_FORMAT AS rowFormat FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      ['outbox_message'],
    );
    expect(String(table.rowFormat).toLowerCase()).toBe('redundant');
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
    await dataSource.transaction((manager) =>
      writer.add(manager, TicketCreated, ticketData('t-2'), { correlationId: 'c' }).then(() => undefined),
    );
    relay.start();
    await waitFor(() => probe.events(TicketCreated.type, 't-2').length === 1, { timeoutMs: 15_000 });
    await relay.stop();
    const pending = await dataSource.query('SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL');
    expect(Number(pending[0].n)).toBe(0);
    expect(probe.events(TicketCreated.type, 't-2')).toHaveLength(1);
  });

  it('deletes published rows past the retention in bounded batches, one after another while they are full', async () => {
    await dataSource.query('DELETE FROM outbox_message');
    const row = (eventId: string, publishedAgoMs: number | null) => [
      eventId,
      TOPICS.tickets,
      'k',
      TicketCreated.type,
      'c',
      '{}',
      new Date(Date.now() - 120_000),
      publishedAgoMs === null ? null : new Date(Date.now() - publishedAgoMs),
    ];
    const expired = Array.from({ length: 7 }, (_, i) => row(`expired-${i}`, 90_000));
    await dataSource.query(
      'INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at, published_at) VALUES ?',
      [[...expired, row('recent', 1_000), row('unpublished', null)]],
    );
    const remaining = async () =>
      (await dataSource.query('SELECT event_id FROM outbox_message ORDER BY event_id')).map((r: { event_id: string }) => r.event_id);

    const relay = new OutboxRelay(dataSource, producer, quiet, { retentionMs: 60_000, pruneBatchSize: 3 });
    expect(await relay.pruneOnce()).toBe(true);
    expect(await remaining()).toHaveLength(6);
    expect(await remaining()).toEqual(expect.arrayContaining(['recent', 'unpublished']));
    // (the unpublished row is not a real event: the relay below must not send it)
    await dataSource.query("DELETE FROM outbox_message WHERE event_id = 'unpublished'");

    // the loop does not wait a minute for the next prune while expired rows are left
    relay.start();
    try {
      await waitFor(async () => (await remaining()).length === 1, { timeoutMs: 5_000 });
    } finally {
      await relay.stop();
    }
    expect(await remaining()).toEqual(['recent']);
    await dataSource.query('DELETE FROM outbox_message');
  });

  it('claims rows through the unpublished index, so that every relay locks in the same order', async () => {
    await dataSource.query('DELETE FROM outbox_message');
    for (let i = 0; i < 5; i += 1) {
      await dataSource.transaction((manager) =>
        writer.add(manager, TicketCreated, ticketData(`t-plan-${i}`), { correlationId: 'c' }).then(() => undefined),
      );
    }
    const [plan]: Array<{ key: string | null; Extra: string | null }> = await dataSource.query(`EXPLAIN ${CLAIM_UNPUBLISHED}`, [200]);
    expect(plan.key).toBe('idx_outbox_unpublished');
    expect(plan.Extra ?? '').not.toMatch(/filesort/);
    await dataSource.query('DELETE FROM outbox_message');
  });

  it('lets a second relay wait while a first one sends its batch, then finds nothing left to send', async () => {
    await dataSource.query('DELETE FROM outbox_message');
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < 4; i += 1) await writer.add(manager, TicketCreated, ticketData(`t-queue-${i}`), { correlationId: 'c' });
    });
    // a lock wait of a transaction in this test's database: the second relay queued behind the first.
    // InnoDB serves INNODB_TRX from a snapshot it refreshes only when nobody has read it for 0.1 s:
    // polled more often, it kept showing the moment before the second relay's claim, for ever
    const waiting = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
              WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`,
          )
        )[0].n,
      ) > 0;
    let sending!: () => void;
    const sendStarted = new Promise<void>((resolve) => (sending = resolve));
    const holding = {
      sendBatch: async (batch: Parameters<Producer['sendBatch']>[0]) => {
        sending();
        const result = await producer.sendBatch(batch);
        await waitFor(waiting, { timeoutMs: 10_000, intervalMs: 250, description: 'the second relay waiting for the batch' });
        return result;
      },
    };
    const first = new OutboxRelay(dataSource, holding, quiet).relayOnce();
    await sendStarted;
    const second = new OutboxRelay(dataSource, producer, quiet).relayOnce();
    expect(await first).toBe(4);
    expect(await second).toBe(0);
    await waitFor(() => probe.events(TicketCreated.type).filter((e) => e.subject?.startsWith('t-queue-')).length >= 4);
    const ids = probe
      .events(TicketCreated.type)
      .filter((e) => e.subject?.startsWith('t-queue-'))
      .map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('lets two relays run together without losing or reordering a key', async () => {
    const relays = [
      new OutboxRelay(dataSource, producer, quiet, { pollIntervalMs: 10, batchSize: 5 }),
      new OutboxRelay(dataSource, producer, quiet, { pollIntervalMs: 10, batchSize: 5 }),
    ];
    relays.forEach((r) => r.start());
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    for (let i = 0; i < 20; i += 1) {
      await dataSource.transaction((manager) =>
        writer
          .add(
            manager,
            TicketPriorityChanged,
            {
              ticketId: 't-order',
              accountId: null,
              previousPriority: priorities[i % 4],
              priority: priorities[(i + 1) % 4],
              changedBy: `step-${i}`,
              changedAt: new Date().toISOString(),
            },
            { correlationId: 'c' },
          )
          .then(() => undefined),
      );
    }
    await waitFor(() => probe.events(TicketPriorityChanged.type, 't-order').length >= 20, { timeoutMs: 20_000 });
    await Promise.all(relays.map((r) => r.stop()));
    // at least once, in order: a send the producer retried (a slow acknowledgement on a busy
    // machine) may arrive twice, which consumers absorb by event id; first arrivals keep order
    const firstArrivals = new Map<string, string>();
    for (const event of probe.events(TicketPriorityChanged.type, 't-order')) {
      if (!firstArrivals.has(event.id)) firstArrivals.set(event.id, (event.data as { changedBy: string }).changedBy);
    }
    expect([...firstArrivals.values()]).toEqual(Array.from({ length: 20 }, (_, i) => `step-${i}`));
  });

  describe('the consume step', () => {
    const received = (value: string | null, offset: string, key = 'k'): ReceivedMessage => ({
      topic: TOPICS.tickets,
      partition: 0,
      offset,
      key,
      value,
      headers: { origin: 'test' },
    });
    const batchOf = (...messages: ReceivedMessage[]) => {
      const resolved: string[] = [];
      const batch: ReceivedBatch = { topic: TOPICS.tickets, messages, resolve: (message) => void resolved.push(message.offset) };
      return { batch, resolved };
    };
    const one = (value: string | null, offset: string, key = 'k') => batchOf(received(value, offset, key)).batch;
    const consumer = (name: string, bindings: HandlerBinding[], options: EventConsumerOptions = {}) =>
      new EventConsumer(
        name,
        bindings,
        {
          dataSource,
          inbox: new Inbox(dataSource),
          outbox: writer,
          deadLetters: new DeadLetterPublisher(producer),
          failures: new ConsumerFailures(dataSource),
          logger: quiet,
        },
        { retry: { attempts: 6, baseDelayMs: 5, maxDelayMs: 50 }, ...options },
      );
    const created = (ticketId: string, subject = 's') =>
      JSON.stringify(createEvent(TicketCreated, { ...ticketData(ticketId), subject }, { source: '/s', origin: { correlationId: 'c' } }));
    const priorityChange = (ticketId: string, step: number) =>
      JSON.stringify(
        createEvent(
          TicketPriorityChanged,
          {
            ticketId,
            accountId: null,
            previousPriority: 'low',
            priority: 'high',
            changedBy: `step-${step}`,
            changedAt: new Date().toISOString(),
          },
          { source: '/s', origin: { correlationId: 'c' } },
        ),
      );

    it('applies an event once however often it is delivered', async () => {
      const seen: string[] = [];
      const once = consumer('test.once', [on(TicketCreated, async (event) => void seen.push(event.data.ticketId))]);
      const value = created('t-3');
      expect(await once.consume(one(value, '1'))).toMatchObject({ processed: 1, duplicates: 0 });
      expect(await once.consume(one(value, '2'))).toMatchObject({ processed: 0, duplicates: 1 });
      const twice = await Promise.all([once.consume(one(value, '3')), once.consume(one(value, '4'))]);
      expect(twice.map((outcome) => outcome.duplicates)).toEqual([1, 1]);
      expect(seen).toEqual(['t-3']);
    });

    it('handles a batch in partition order in one transaction, de-duplicating within and across batches', async () => {
      const seen: string[] = [];
      const calls: number[] = [];
      const ordered = consumer('test.batch', [
        onBatch(TicketCreated, async (events) => {
          calls.push(events.length);
          for (const event of events) seen.push(`created:${event.data.ticketId}`);
        }),
        on(TicketPriorityChanged, async (event) => void seen.push(`${event.data.ticketId}:${event.data.changedBy}`)),
      ]);
      const [a, b, c] = [created('b-a'), created('b-b'), created('b-c')];
      const first = batchOf(
        received(a, '1'),
        received(b, '2'),
        received(priorityChange('b-a', 1), '3'),
        received(a, '4'),
        received(priorityChange('b-a', 2), '5'),
        received(c, '6'),
      );
      expect(await ordered.consume(first.batch)).toEqual({ processed: 5, duplicates: 1, ignored: 0, deadLettered: 0 });
      expect(first.resolved).toEqual(['6']);
      // runs of one type keep their place: created, created, change 1, change 2, created
      expect(seen).toEqual(['created:b-a', 'created:b-b', 'b-a:step-1', 'b-a:step-2', 'created:b-c']);
      expect(calls).toEqual([2, 1]);

      seen.length = 0;
      const d = created('b-d');
      expect(await ordered.consume(batchOf(received(b, '7'), received(d, '8'), received(c, '9')).batch)).toEqual({
        processed: 1,
        duplicates: 2,
        ignored: 0,
        deadLettered: 0,
      });
      expect(seen).toEqual(['created:b-d']);
    });

    it("handles several partitions' messages in one transaction, each in order, and resolves each partition as far as it was handled", async () => {
      const calls: string[][] = [];
      const merged = consumer('test.merged', [
        onBatch(TicketCreated, async (events) => {
          calls.push(events.map((event) => event.data.ticketId));
          if (events.some((event) => event.data.ticketId === 'm-bug')) throw new TypeError('a bug');
        }),
      ]);
      const resolved: string[] = [];
      const at = (partition: number, ticketId: string, offset: string): ReceivedMessage => ({
        ...received(created(ticketId), offset),
        partition,
      });
      const batch = (...messages: ReceivedMessage[]): ReceivedBatch => ({
        topic: TOPICS.tickets,
        messages,
        resolve: (message) => void resolved.push(`${message.partition}@${message.offset}`),
      });
      // PartitionLanes' shape: partition after partition, each in offset order
      const outcome = await merged.consume(batch(at(2, 'm-a', '10'), at(2, 'm-b', '11'), at(0, 'm-c', '4')));
      expect(outcome).toMatchObject({ processed: 3, duplicates: 0 });
      // one handler call, so one transaction, for both partitions; each partition's last message resolved
      expect(calls).toEqual([['m-a', 'm-b', 'm-c']]);
      expect(resolved).toEqual(['2@11', '0@4']);

      // a failure: the batch's transaction rolls back, then one message per transaction up to the culprit
      calls.length = 0;
      resolved.length = 0;
      const failing = batch(at(1, 'm-d', '7'), at(3, 'm-e', '20'), at(3, 'm-bug', '21'), at(3, 'm-f', '22'), at(0, 'm-g', '5'));
      await expect(merged.consume(failing)).rejects.toThrow('a bug');
      expect(calls).toEqual([['m-d', 'm-e', 'm-bug', 'm-f', 'm-g'], ['m-d'], ['m-e'], ['m-bug']]);
      // partition 1 done; partition 3 through the message before the culprit; partition 0 not reached
      expect(resolved).toEqual(['1@7', '3@20']);
      const recorded = await dataSource.query("SELECT COUNT(*) AS n FROM inbox_event WHERE consumer = 'test.merged'");
      expect(Number(recorded[0].n)).toBe(5);
    });

    it('writes the events a batch causes with one multi-row insert, in order, committed with it', async () => {
      const inserts: string[] = [];
      const original = dataSource.createQueryRunner.bind(dataSource);
      const spy = jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((mode) => {
        const runner = original(mode);
        const query = runner.query.bind(runner);
        runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
          if (/^INSERT INTO outbox_message/.test(sql)) inserts.push(sql);
          return (query as (...args: unknown[]) => Promise<unknown>)(sql, parameters, structured);
        }) as typeof runner.query;
        return runner;
      });
      try {
        const relaying = consumer('test.outbox', [
          on(TicketCreated, async (event, context) => {
            await writer.add(
              context.manager,
              TicketPriorityChanged,
              {
                ticketId: event.data.ticketId,
                accountId: null,
                previousPriority: 'normal',
                priority: 'urgent',
                changedBy: 'batch',
                changedAt: new Date().toISOString(),
              },
              context.origin,
            );
          }),
        ]);
        await relaying.consume(batchOf(received(created('o-1'), '1'), received(created('o-2'), '2'), received(created('o-3'), '3')).batch);
      } finally {
        spy.mockRestore();
      }
      expect(inserts).toHaveLength(1);
      const rows: Array<{ message_key: string; correlation_id: string }> = await dataSource.query(
        "SELECT message_key, correlation_id FROM outbox_message WHERE message_key LIKE 'o-%' ORDER BY id",
      );
      expect(rows.map((row) => row.message_key)).toEqual(['o-1', 'o-2', 'o-3']);
    });

    it('retries a deadlock in the process, before anything goes back to Kafka', async () => {
      await dataSource.query('CREATE TABLE IF NOT EXISTS lock_probe (id INT PRIMARY KEY, hits INT NOT NULL)');
      await dataSource.query('INSERT IGNORE INTO lock_probe VALUES (1, 0), (2, 0)');
      let waiting = 0;
      let release: () => void = () => undefined;
      const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
      let firstAttempts = 0;
      const locking = consumer('test.deadlock', [
        on(TicketCreated, async (event, context) => {
          const [first, second] = event.data.subject === 'ab' ? [1, 2] : [2, 1];
          firstAttempts += 1;
          await context.manager.query('UPDATE lock_probe SET hits = hits + 1 WHERE id = ?', [first]);
          if (firstAttempts <= 2 && ++waiting === 2) release();
          if (firstAttempts <= 2) await bothHoldOne;
          await context.manager.query('UPDATE lock_probe SET hits = hits + 1 WHERE id = ?', [second]);
        }),
      ]);
      const outcomes = await Promise.all([
        locking.consume(one(created('dl-1', 'ab'), '1')),
        locking.consume(one(created('dl-2', 'ba'), '2')),
      ]);
      expect(outcomes.map((outcome) => outcome.processed)).toEqual([1, 1]);
      expect(firstAttempts).toBe(3);
      const hits: Array<{ hits: number }> = await dataSource.query('SELECT hits FROM lock_probe ORDER BY id');
      expect(hits.map((row) => Number(row.hits))).toEqual([2, 2]);
    });

    it('forgets the event id when the effect fails, so a redelivery applies it', async () => {
      let attempts = 0;
      const flaky = consumer(
        'test.retry',
        [
          on(TicketCreated, async () => {
            attempts += 1;
            if (attempts <= 2) throw Object.assign(new Error('connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
          }),
        ],
        { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
      );
      const value = created('t-4');
      await expect(flaky.consume(one(value, '10'))).rejects.toThrow('connection lost');
      expect(await flaky.consume(one(value, '10'))).toMatchObject({ processed: 1 });
      expect(attempts).toBe(3);
    });

    it('ignores types it does not handle and dead-letters what can never be processed', async () => {
      const dlq = consumer('test.dlq', [
        on(TicketCreated, async (event) => {
          if (event.data.ticketId === 't-poison') throw new UnprocessableEventError('ticket refers to nothing we know');
        }),
      ]);
      const other = createEvent(
        TicketPriorityChanged,
        {
          ticketId: 't-5',
          accountId: null,
          previousPriority: 'low',
          priority: 'high',
          changedBy: 'x',
          changedAt: new Date().toISOString(),
        },
        { source: '/s', origin: { correlationId: 'c' } },
      );
      expect(await dlq.consume(one(JSON.stringify(other), '20'))).toMatchObject({ ignored: 1 });
      expect(await dlq.consume(one(JSON.stringify({ ...other, type: 'support.unknown.v1' }), '21', 'dlq-unknown'))).toMatchObject({
        deadLettered: 1,
      });
      expect(await dlq.consume(one('{ broken', '22', 'dlq-broken'))).toMatchObject({ deadLettered: 1 });
      // a poison message in the middle of a batch: the others are processed, in order
      const mixed = batchOf(
        received(created('t-before'), '23'),
        received(created('t-poison'), '24', 'dlq-poison'),
        received(created('t-after'), '25'),
      );
      expect(await dlq.consume(mixed.batch)).toEqual({ processed: 2, duplicates: 0, ignored: 0, deadLettered: 1 });

      // a failing handler is counted in the database: a restarted consumer carries the count on
      const bug = () =>
        consumer(
          'test.bug',
          [
            on(TicketCreated, async (event) => {
              if (event.data.ticketId === 't-bug') throw new TypeError('a bug');
            }),
          ],
          { maxAttempts: 3 },
        );
      const buggy = batchOf(received(created('t-fine'), '29'), received(created('t-bug'), '30', 'dlq-bug'));
      await expect(bug().consume(buggy.batch)).rejects.toThrow('a bug');
      expect(buggy.resolved).toEqual(['29']);
      await expect(bug().consume(one(created('t-bug'), '30', 'dlq-bug'))).rejects.toThrow('a bug');
      expect(await bug().consume(one(created('t-bug'), '30', 'dlq-bug'))).toMatchObject({ deadLettered: 1 });
      const left = await dataSource.query("SELECT COUNT(*) AS n FROM consumer_failure WHERE consumer = 'test.bug'");
      expect(Number(left[0].n)).toBe(0);

      const reasons = await waitFor(() => {
        const parked = probe.messages.filter((m) => m.topic === TOPICS.deadLetter && m.key?.startsWith('dlq-'));
        return parked.length === 4 ? Object.fromEntries(parked.map((m) => [m.key, m.headers['dlq-reason']])) : null;
      });
      expect(reasons).toEqual({
        'dlq-unknown': 'unknown_type',
        'dlq-broken': 'unparseable',
        'dlq-poison': 'unprocessable',
        'dlq-bug': 'handler_failed',
      });
      const broken = probe.messages.find((m) => m.key === 'dlq-broken')!;
      expect(broken.value).toBe('{ broken');
      expect(broken.headers).toMatchObject({
        origin: 'test',
        'dlq-origin-topic': TOPICS.tickets,
        'dlq-origin-offset': '22',
        'dlq-consumer': 'test.dlq',
      });
    });
  });
});
