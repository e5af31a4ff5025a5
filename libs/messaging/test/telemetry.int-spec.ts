import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createEvent, TicketCreated, TicketPriorityChanged, TOPICS, type TicketCreatedV1 } from '@support/contracts';
import { ServiceTracing, traceHeadersOf } from '@support/observability';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { dropDatabasesWithPrefix, startMockKafka, TEST_DATABASE_URL, throwawayPrefix, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import {
  ConsumerFailures,
  DeadLetterPublisher,
  EventConsumer,
  Inbox,
  kafkaProducerConfig,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingTelemetry,
  onBatch,
  originOf,
  OutboxWriter,
  pending,
  type ReceivedMessage,
} from '../src';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function ticketData(id: string): TicketCreatedV1 {
  return {
    ticketId: id,
    accountId: 'a',
    requesterId: 'u',
    subject: 's',
    description: 'd',
    priority: 'normal',
    device: 'web',
    ccEmails: [],
    meetingId: null,
    occurredAt: null,
    createdAt: new Date().toISOString(),
  };
}

describe('messaging telemetry: counters, lag, and traces that follow each event through a batch (real MariaDB and broker)', () => {
  const prefix = throwawayPrefix('msgtel');
  let broker: RunningBroker;
  let dataSource: DataSource;
  let producer: Producer;
  const registry = new Registry();
  const tracing = new ServiceTracing({ service: 'telemetry-test', version: '1' });
  const spans = new InMemorySpanExporter();
  tracing.addSpanProcessor(new SimpleSpanProcessor(spans));
  const telemetry = new MessagingTelemetry(registry, tracing.tracer, 'telemetry-test');
  const writer = new OutboxWriter('/support/test', telemetry);

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
  });

  afterAll(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix);
    await broker?.stop();
  });

  /** A message as the relay sends it: the event, and the trace context of the write that made it. */
  function message(ticketId: string, offset: string, traceparent?: string): ReceivedMessage {
    const event = createEvent(TicketCreated, ticketData(ticketId), { source: '/s', origin: { correlationId: `corr-${ticketId}` } });
    return {
      topic: TOPICS.tickets,
      partition: 3,
      offset,
      key: ticketId,
      value: JSON.stringify(event),
      headers: { correlationid: `corr-${ticketId}`, ...(traceparent ? { traceparent: Buffer.from(traceparent) } : {}) },
    };
  }

  async function value(name: string, labels: Record<string, string>): Promise<number | undefined> {
    const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
    return metric?.values.find((v) => Object.entries(labels).every(([key, wanted]) => String(v.labels[key]) === wanted))?.value;
  }

  it('counts by topic, type and outcome, sets the lag, and parents each caused event on the span of its own cause', async () => {
    // two tickets from two different traces, in one batch
    const upstream = [
      tracing.tracer.startSpan('POST /v1/tickets (a)', {}, ROOT_CONTEXT),
      tracing.tracer.startSpan('POST /v1/tickets (b)', {}, ROOT_CONTEXT),
    ];
    const [a, b] = upstream.map((span) => traceHeadersOf(trace.setSpan(ROOT_CONTEXT, span)).traceparent!);
    const consumer = new EventConsumer(
      'test.telemetry',
      // set-based, as the hot-path handlers are: one call for the whole run, one addMany
      [
        onBatch(TicketCreated, async (events, context) => {
          await writer.addMany(
            context.manager,
            events.map((event) =>
              pending(
                TicketPriorityChanged,
                {
                  ticketId: event.data.ticketId,
                  accountId: null,
                  previousPriority: 'normal',
                  priority: 'urgent',
                  changedBy: 'rule',
                  changedAt: new Date().toISOString(),
                },
                originOf(event),
              ),
            ),
          );
        }),
      ],
      {
        dataSource,
        inbox: new Inbox(dataSource),
        outbox: writer,
        deadLetters: new DeadLetterPublisher(producer),
        failures: new ConsumerFailures(dataSource),
        logger: quiet,
        telemetry,
      },
    );
    const first = message('t-a', '10', a);
    const outcome = await consumer.consume({
      topic: TOPICS.tickets,
      highWatermarks: new Map([[3, '20']]),
      messages: [first, message('t-b', '11', b), { ...first, offset: '12' }, { ...first, offset: '13', value: '{ broken' }],
    });
    expect(outcome).toEqual({ processed: 2, duplicates: 1, ignored: 0, deadLettered: 1 });

    const consumed = { consumer: 'test.telemetry', topic: TOPICS.tickets, type: TicketCreated.type };
    expect(await value('support_events_consumed_total', { ...consumed, outcome: 'processed' })).toBe(2);
    expect(await value('support_events_consumed_total', { ...consumed, outcome: 'duplicate' })).toBe(1);
    expect(
      await value('support_events_dead_lettered_total', {
        consumer: 'test.telemetry',
        topic: TOPICS.tickets,
        type: 'unknown',
        reason: 'unparseable',
      }),
    ).toBe(1);
    // one transaction, given the two distinct events (the repeat is dropped before it, the broken one dead-lettered)
    const histogram = async (name: string, part: 'count' | 'sum') => {
      const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
      return metric?.values.find(
        (v) => (v as { metricName?: string }).metricName === `${name}_${part}` && v.labels['consumer'] === 'test.telemetry',
      )?.value;
    };
    expect(await histogram('support_consumer_transaction_events', 'count')).toBe(1);
    expect(await histogram('support_consumer_transaction_events', 'sum')).toBe(2);
    expect(await histogram('support_consumer_transaction_seconds', 'count')).toBe(1);
    expect(await histogram('support_consumer_transaction_seconds', 'sum')).toBeGreaterThan(0);
    // after offset 13 of a partition whose high watermark is 20: 14..19 are left
    expect(await value('support_consumer_lag_messages', { topic: TOPICS.tickets, partition: '3' })).toBe(6);

    // each caused event continues the trace of the ticket that caused it, not of the batch
    const rows: Array<{ message_key: string; traceparent: string }> = await dataSource.query(
      'SELECT message_key, traceparent FROM outbox_message WHERE type = ? ORDER BY id',
      [TicketPriorityChanged.type],
    );
    expect(rows.map((row) => [row.message_key, row.traceparent.split('-')[1]])).toEqual([
      ['t-a', upstream[0].spanContext().traceId],
      ['t-b', upstream[1].spanContext().traceId],
    ]);
    const finished = spans.getFinishedSpans();
    const processA = finished.find(
      (span) =>
        span.name === `process ${TOPICS.tickets}` && span.attributes['messaging.message.id'] === JSON.parse(first.value as string).id,
    )!;
    expect(processA.parentSpanContext?.spanId).toBe(upstream[0].spanContext().spanId);
    const createA = finished.find(
      (span) => span.name === `create ${TOPICS.tickets}` && span.spanContext().traceId === upstream[0].spanContext().traceId,
    )!;
    expect(createA.parentSpanContext?.spanId).toBe(processA.spanContext().spanId);
    expect(rows[0].traceparent).toBe(`00-${createA.spanContext().traceId}-${createA.spanContext().spanId}-01`);
  });

  it('reads the outbox backlog and its oldest row from the database', async () => {
    await telemetry.readTableGauges(dataSource);
    expect(await value('support_outbox_backlog_events', {})).toBe(2);
    expect(await value('support_outbox_oldest_unpublished_age_seconds', {})).toBeGreaterThanOrEqual(0);
    expect(await value('support_inbox_events', {})).toBeGreaterThanOrEqual(0);
  });
});
