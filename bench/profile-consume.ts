/**
 * What the consume step costs per transaction, whatever a handler does: `EventConsumer.consume`
 * alone (no kafkajs fetch), against a throw-away database on the real server, with a set-based
 * handler shaped like the hot path's (one multi-row insert of its rows, one event caused per event
 * consumed). For batches of 1, 10 and 50 events it prints the CPU per batch and per event of this
 * process (the consume step, TypeORM, mysql2) and of `mariadbd`, and the statements, commits and
 * round trips (Questions) per batch: the fixed cost of a transaction that a lightly loaded service
 * pays for every few events, and what each event adds.
 *
 *   npx ts-node --transpile-only bench/profile-consume.ts [--batches=600] [--cpu-prof [--profile-batch=1|10|50]]
 *
 * `--cpu-prof` also writes a V8 CPU profile of the batches of one event (or of `--profile-batch`
 * events) and prints its top frames.
 * A diagnostic, not part of `npm run bench`.
 */
import 'reflect-metadata';
import { createEvent, TicketCreated, TicketPriorityChanged, TOPICS, type TicketCreatedV1 } from '@support/contracts';
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
  stopKafkaJsIdleTimers,
  type ReceivedMessage,
} from '@support/messaging';
import { ServiceTracing } from '@support/observability';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { dropDatabasesWithPrefix, startMockKafka, throwawayPrefix } from '@support/testing-core';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { cliArgument, runDiagnostic } from './cli';
import { exampleOf } from './examples';
import { cpuSeconds, mysqlServerPid } from './pipeline/process-monitor';
import { globalStatus } from './pipeline/server-counters';
import { summariseProfile } from './profile-ticketing';

const BATCHES = Number(cliArgument('batches', '600'));
const PROFILE = process.argv.includes('--cpu-prof');
/** the batch size whose run `--cpu-prof` profiles */
const PROFILED_BATCH = Number(cliArgument('profile-batch', '1'));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
type Counted = 'Com_select' | 'Com_insert' | 'Com_update' | 'Com_delete' | 'Com_commit' | 'Questions';

const cpuMicros = (pid: number) => cpuSeconds(pid) * 1_000_000;
const counters = () => globalStatus(DATABASE_URL);

/** The contract's own examples, as the consumed and the caused event of each ticket. */
const CREATED_EXAMPLE = exampleOf(TicketCreated);
const CHANGED_EXAMPLE = exampleOf(TicketPriorityChanged);

function ticket(id: string): TicketCreatedV1 {
  // as the pipeline's load generator files them: no CC, meeting or occurrence time
  return { ...CREATED_EXAMPLE, ticketId: id, ccEmails: [], meetingId: null, occurredAt: null, createdAt: new Date().toISOString() };
}

let offset = 0;
function messages(count: number): ReceivedMessage[] {
  return Array.from({ length: count }, () => {
    const id = `t-${offset}`;
    const event = createEvent(TicketCreated, ticket(id), { source: '/support/ticketing', origin: { correlationId: `c-${id}` } });
    return { topic: TOPICS.tickets, partition: 0, offset: String(offset++), key: id, value: JSON.stringify(event), headers: {} };
  });
}

async function main(): Promise<void> {
  const prefix = throwawayPrefix('profcons');
  const broker = await startMockKafka();
  const server = parseDatabaseUrl(DATABASE_URL);
  await ensureDatabase(server, `${prefix}consume`);
  const dataSource = new DataSource({
    ...mysqlDataSourceOptions({ server, database: `${prefix}consume`, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }),
    migrationsRun: true,
  });
  await dataSource.initialize();
  await dataSource.query('CREATE TABLE effect (ticket_id VARCHAR(64) PRIMARY KEY, subject VARCHAR(200), created_at DATETIME(3))');
  // the producer only stands by for dead letters: without kafkajs' idle timer loop, as the services' clients
  stopKafkaJsIdleTimers();
  const kafka = new Kafka({ clientId: 'profile-consume', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer(kafkaProducerConfig());
  await producer.connect();
  const tracing = new ServiceTracing({ service: 'profile-consume', version: '1' });
  const telemetry = new MessagingTelemetry(new Registry(), tracing.tracer, 'profile-consume');
  const outbox = new OutboxWriter('/support/profile', telemetry);
  const consumer = new EventConsumer(
    'profile.tickets',
    [
      onBatch(TicketCreated, async (events, context) => {
        await context.manager.query('INSERT INTO effect (ticket_id, subject, created_at) VALUES ?', [
          events.map((event) => [event.data.ticketId, event.data.subject, new Date()]),
        ]);
        await outbox.addMany(
          context.manager,
          events.map((event) =>
            pending(
              TicketPriorityChanged,
              { ...CHANGED_EXAMPLE, ticketId: event.data.ticketId, changedAt: new Date().toISOString() },
              originOf(event),
            ),
          ),
        );
      }),
    ],
    {
      dataSource,
      inbox: new Inbox(dataSource),
      outbox,
      deadLetters: new DeadLetterPublisher(producer),
      failures: new ConsumerFailures(dataSource),
      logger: { warn: console.warn, error: console.error },
      telemetry,
    },
  );
  const mariadb = mysqlServerPid();
  if (!mariadb) throw new Error('profile-consume: no mariadbd or mysqld process on this machine; it measures the server from /proc');
  const session = PROFILE ? new Session() : null;
  try {
    // warm up: JIT, pool, statement shapes
    for (let i = 0; i < 300; i += 1) await consumer.consume({ topic: TOPICS.tickets, messages: messages(1 + (i % 10)) });
    console.log(
      'batch  batches  node µs/batch  mariadbd µs/batch  node µs/event  mariadbd µs/event  statements/batch  commits/batch  questions/batch',
    );
    for (const size of [1, 10, 50]) {
      const batches = Math.max(20, Math.round(BATCHES / Math.sqrt(size)));
      const prepared = Array.from({ length: batches }, () => messages(size));
      if (session && size === PROFILED_BATCH) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const before = await counters();
      const node0 = process.cpuUsage();
      const db0 = cpuMicros(mariadb);
      for (const batch of prepared) await consumer.consume({ topic: TOPICS.tickets, messages: batch });
      const node = process.cpuUsage(node0);
      const db = cpuMicros(mariadb) - db0;
      const after = await counters();
      if (session && size === PROFILED_BATCH) {
        const { profile } = await session.post('Profiler.stop');
        const file = `/tmp/profile-consume-${Date.now()}.cpuprofile`;
        writeFileSync(file, JSON.stringify(profile));
        console.log(`profile: ${file}\n${summariseProfile(profile as never, 25).join('\n')}\n`);
      }
      const per = (name: Counted) => (after[name] - before[name]) / batches;
      const nodeMicros = (node.user + node.system) / batches;
      const dbMicros = db / batches;
      console.log(
        [
          String(size).padStart(5),
          String(batches).padStart(7),
          nodeMicros.toFixed(0).padStart(13),
          dbMicros.toFixed(0).padStart(17),
          (nodeMicros / size).toFixed(0).padStart(13),
          (dbMicros / size).toFixed(0).padStart(17),
          (per('Com_select') + per('Com_insert') + per('Com_update') + per('Com_delete')).toFixed(2).padStart(16),
          per('Com_commit').toFixed(2).padStart(13),
          per('Questions').toFixed(2).padStart(15),
        ].join('  '),
      );
    }
  } finally {
    session?.disconnect();
    await producer.disconnect();
    await dataSource.destroy();
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
    await broker.stop();
  }
}

if (require.main === module) runDiagnostic(main);
