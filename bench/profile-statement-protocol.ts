/**
 * What the statement protocol costs a hot-path write: the services send every statement as text
 * (mysql2's `query`, values written into it by `formatQuery`), which the server lexes and parses
 * whole, every value a literal; a prepared statement (`execute`, MySQL's binary protocol) is parsed
 * once per connection and then gets its values as typed binary fields. A `perf` profile of
 * `mariadbd` during an 800 tickets/s step put parsing (the grammar, the lexer, string literals)
 * at 22 % of its CPU (bench/README, 2026-12-06).
 *
 * For the outbox's rows (a CloudEvent of about 700 bytes each, the platform's own `encodeEvent`)
 * and the inbox's (five short values), in a throw-away database with the platform's own
 * migrations, it writes `--rows` rows in transactions of 1, 10 and `--batch` rows, one multi-row
 * insert each, alternating the two protocols over `--rounds` rounds on one connection, and prints
 * the process's and `mariadbd`'s CPU per row and the server's statement counters per statement.
 *
 *   npx ts-node --transpile-only bench/profile-statement-protocol.ts [--rows=20000] [--batch=50] [--rounds=3]
 *
 * Run it with nothing else using the server: the CPU is the whole server's. A diagnostic, not part
 * of `npm run bench`.
 */
import 'reflect-metadata';
import { EVENT_EXAMPLES, TicketCreated, encodeEvent, type TicketCreatedV1 } from '@support/contracts';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@support/messaging';
import { ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { dropDatabasesWithPrefix, throwawayPrefix } from '@support/testing-core';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { cliArgument, runDiagnostic } from './cli';
import { cpuSeconds, mysqlServerPid } from './pipeline/process-monitor';
import { globalStatus } from './pipeline/server-counters';

const ROWS = Number(cliArgument('rows', '20000'));
const BATCH = Number(cliArgument('batch', '50'));
const ROUNDS = Number(cliArgument('rounds', '3'));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

interface RawConnection {
  execute(sql: string, values: unknown[], callback: (error: Error | null) => void): void;
}

const TABLES = {
  outbox: {
    head: 'INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at, traceparent, tracestate) VALUES ',
    tuple: '(?, ?, ?, ?, ?, ?, ?, ?, ?)',
    row: (): unknown[] => {
      const data = [...EVENT_EXAMPLES].find(([definition]) => definition.type === TicketCreated.type)?.[1] as TicketCreatedV1;
      const event = encodeEvent(
        TicketCreated,
        { ...data, ticketId: uuidv7() },
        { source: 'ticketing', origin: { correlationId: uuidv7() } },
      );
      return [event.id, 'support.tickets', uuidv7(), event.type, uuidv7(), event.json, event.time, null, null];
    },
  },
  inbox: {
    head: 'INSERT IGNORE INTO inbox_event (consumer, event_id, type, topic, processed_at) VALUES ',
    tuple: '(?, ?, ?, ?, ?)',
    row: (): unknown[] => ['sla-escalation.entitlements', uuidv7(), 'support.entitlement.checked.v1', 'support.entitlements', new Date()],
  },
} as const;

async function main(): Promise<void> {
  const server = parseDatabaseUrl(DATABASE_URL);
  const prefix = throwawayPrefix('protocol');
  const pid = mysqlServerPid();
  if (pid === null) throw new Error('no mariadbd/mysqld process on this machine');
  const database = `${prefix}_db`;
  const lines: string[] = [];
  try {
    await ensureDatabase(server, database);
    const dataSource = new DataSource(
      mysqlDataSourceOptions({ server, database, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS, poolSize: 1 }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations();
    const runner = dataSource.createQueryRunner();
    const raw = (await runner.connect()) as RawConnection;
    const execute = (sql: string, values: unknown[]) =>
      new Promise<void>((resolve, reject) => raw.execute(sql, values, (error) => (error ? reject(error) : resolve())));
    for (const [table, shape] of Object.entries(TABLES)) {
      for (const batch of [1, 10, BATCH]) {
        const sql = shape.head + Array.from({ length: batch }, () => shape.tuple).join(', ');
        const text = sql.replace(/ VALUES .*$/s, ' VALUES ?');
        for (let round = 1; round <= ROUNDS; round += 1) {
          for (const protocol of ['text', 'prepared'] as const) {
            const batches = Math.ceil(ROWS / batch);
            const prepared = Array.from({ length: batches }, () => Array.from({ length: batch }, () => shape.row()));
            const before = await globalStatus(DATABASE_URL);
            const cpuBefore = cpuSeconds(pid);
            const processBefore = process.cpuUsage();
            for (const rows of prepared) {
              await runner.query('START TRANSACTION');
              if (protocol === 'text') await runner.query(text, [rows]);
              else await execute(sql, rows.flat());
              await runner.query('COMMIT');
            }
            const used = process.cpuUsage(processBefore);
            const cpu = cpuSeconds(pid) - cpuBefore;
            const after = await globalStatus(DATABASE_URL);
            const delta = (name: string) => (after[name] ?? Number.NaN) - (before[name] ?? Number.NaN);
            const rows = batches * batch;
            lines.push(
              [
                table.padEnd(6),
                String(batch).padStart(5),
                String(round).padStart(5),
                protocol.padEnd(8),
                (((used.user + used.system) / rows) as number).toFixed(1).padStart(11),
                ((cpu * 1e6) / rows).toFixed(1).padStart(12),
                (delta('Com_insert') / batches).toFixed(2).padStart(10),
                (delta('Com_stmt_execute') / batches).toFixed(2).padStart(16),
                (delta('Com_stmt_prepare') / batches).toFixed(3).padStart(16),
              ].join('  '),
            );
          }
        }
        await runner.query(`DELETE FROM ${table === 'outbox' ? 'outbox_message' : 'inbox_event'}`);
      }
    }
    await runner.release();
    await dataSource.destroy();
  } finally {
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
  console.log(`${ROWS} rows per table, batch size and protocol, one multi-row insert per transaction, ${ROUNDS} rounds alternated`);
  console.log('table   batch  round  protocol  µs/row proc  µs/row mariadbd  Com_insert  Com_stmt_execute  Com_stmt_prepare');
  for (const line of lines) console.log(line);
}

runDiagnostic(main);
