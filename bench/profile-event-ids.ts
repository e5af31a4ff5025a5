/**
 * What the shape of event ids costs the database server where they are keys: the inbox's primary
 * key (consumer, event id), kept 14 days, and the outbox's unique event id. Random (UUID v4) ids
 * land anywhere in those indexes; time-ordered ones (UUID v7) at their end. For each kind it fills
 * a throw-away `inbox_event` table (the platform's own migrations) with `--fill` rows of that kind,
 * then inserts `--rows` more in transactions of `--batch` ids (one multi-row insert each, as a busy
 * consumer records a batch), and prints `mariadbd`'s CPU (from /proc), the redo written, the
 * buffer pool pages written back and the page reads per inserted row, and the table's size.
 *
 *   npx ts-node --transpile-only bench/profile-event-ids.ts [--fill=1000000] [--rows=100000] [--batch=50]
 *
 * Run it with nothing else using the server: the CPU is the whole server's. A diagnostic, not part
 * of `npm run bench`.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Inbox, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@support/messaging';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { dropDatabasesWithPrefix, throwawayPrefix } from '@support/testing-core';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { cliArgument, runDiagnostic } from './cli';
import { cpuSeconds, mysqlServerPid } from './pipeline/process-monitor';
import { globalStatus } from './pipeline/server-counters';
import { sleep } from './stats';

const FILL = Number(cliArgument('fill', '1000000'));
const ROWS = Number(cliArgument('rows', '100000'));
const BATCH = Number(cliArgument('batch', '50'));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const CONSUMER = 'sla-escalation.entitlements';
const KINDS: Array<{ name: string; suffix: string; id: () => string }> = [
  { name: 'random (v4)', suffix: 'v4', id: () => randomUUID() },
  { name: 'time-ordered (v7)', suffix: 'v7', id: () => uuidv7() },
];

async function main(): Promise<void> {
  const server = parseDatabaseUrl(DATABASE_URL);
  const prefix = throwawayPrefix('ids');
  const pid = mysqlServerPid();
  if (pid === null) throw new Error('no mariadbd/mysqld process on this machine');
  const lines: string[] = [];
  try {
    for (const kind of KINDS) {
      const database = `${prefix}_${kind.suffix}`;
      await ensureDatabase(server, database);
      const dataSource = new DataSource(
        mysqlDataSourceOptions({ server, database, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS, poolSize: 2 }),
      );
      await dataSource.initialize();
      await dataSource.runMigrations();
      const inbox = new Inbox(dataSource);
      const now = new Date();
      // the rows already there: written as fast as the server takes them, 1,000 a statement
      for (let done = 0; done < FILL; done += 1000) {
        const rows: unknown[][] = [];
        for (let index = 0; index < 1000 && done + index < FILL; index += 1)
          rows.push([CONSUMER, kind.id(), 'support.entitlement.checked.v1', 'support.entitlements', now]);
        await dataSource.query('INSERT INTO inbox_event (consumer, event_id, type, topic, processed_at) VALUES ?', [rows]);
      }
      await sleep(5_000); // the fill's flushing and purge settle
      const before = await globalStatus(DATABASE_URL);
      const cpuBefore = cpuSeconds(pid);
      const startedAt = performance.now();
      for (let done = 0; done < ROWS; done += BATCH) {
        const entries: Array<{ id: string; type: string }> = [];
        for (let index = 0; index < BATCH; index += 1) entries.push({ id: kind.id(), type: 'support.entitlement.checked.v1' });
        await dataSource.transaction('READ COMMITTED', (manager) => inbox.record(manager, CONSUMER, 'support.entitlements', entries));
      }
      const seconds = (performance.now() - startedAt) / 1000;
      const cpu = cpuSeconds(pid) - cpuBefore;
      const after = await globalStatus(DATABASE_URL);
      const delta = (name: string) => (after[name] ?? Number.NaN) - (before[name] ?? Number.NaN);
      await dataSource.query('ANALYZE TABLE inbox_event'); // the size below is the statistics' (else stale on a young table)
      const [size] = (await dataSource.query(
        `SELECT data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = ? AND table_name = 'inbox_event'`,
        [database],
      )) as Array<{ bytes: string }>;
      lines.push(
        [
          kind.name.padEnd(18),
          String(Math.round(ROWS / seconds)).padStart(8),
          ((cpu * 1e6) / ROWS).toFixed(1).padStart(10),
          (delta('Innodb_os_log_written') / ROWS).toFixed(0).padStart(9),
          (delta('Innodb_buffer_pool_pages_flushed') / ROWS).toFixed(3).padStart(14),
          (delta('Innodb_buffer_pool_reads') / ROWS).toFixed(3).padStart(11),
          (Number(size.bytes) / 1048576).toFixed(0).padStart(9),
        ].join('  '),
      );
      await dataSource.destroy();
    }
  } finally {
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
  console.log(`inbox inserts: ${FILL} rows already there, ${ROWS} inserted in transactions of ${BATCH}`);
  console.log('event ids            rows/s  µs/row db  redo B/row  pages flushed/row  reads/row  table MB');
  for (const line of lines) console.log(line);
}

runDiagnostic(main);
