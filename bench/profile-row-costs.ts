/**
 * What MariaDB spends on each kind of row the hot path writes: `mariadbd`'s CPU time (user +
 * system, from /proc, so its background threads count too) and the redo log it writes, per row,
 * for each statement shape of a ticket's way through the platform, against ticketing's own schema
 * (its migrations, on a throw-away database of the real server): the ticket insert, the three
 * projection updates (plan check, SLA clock, suggestions), the outbox's insert, claim, mark and
 * prune, the inbox's insert and prune, and two other shapes for comparison (the suggestions as
 * `UPDATE … CASE`, outbox rows deleted on publish). Each shape runs `--rows` rows in transactions
 * of `--batch` rows, as a busy consumer writes them; `--passes` runs the whole list again, to
 * show how much one figure moves from pass to pass.
 *
 *   npx ts-node --transpile-only bench/profile-row-costs.ts [--rows=9000] [--batch=50] [--passes=2]
 *
 * Run it with nothing else using the server: the CPU is the whole server's. A diagnostic, not
 * part of `npm run bench`.
 */
import 'reflect-metadata';
import { createEvent, EVENT_EXAMPLES, type EventDefinition, TicketCreated, type TicketCreatedV1 } from '@support/contracts';
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import { dropDatabasesWithPrefix, throwawayPrefix } from '@support/testing-core';
import { randomUUID } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';
import { TICKETING_SERVICE } from '../apps/ticketing/src/service';
import { cpuTicks, mysqlServerPid, ticksPerSecond } from './pipeline/process-monitor';
import { sleep } from './stats';

const argument = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ROWS = Number(argument('rows', '9000'));
const BATCH = Number(argument('batch', '50'));
const PASSES = Number(argument('passes', '2'));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
/** lets the server's background threads (purge, page cleaner) finish one shape's work before the next is measured */
const SETTLE_MS = 2_000;

const CREATED_EXAMPLE = EVENT_EXAMPLES.get(TicketCreated as unknown as EventDefinition) as TicketCreatedV1;
/** an outbox payload as ticketing writes it: the contract's example of support.ticket.created */
const PAYLOAD = JSON.stringify(
  createEvent(
    TicketCreated,
    { ...CREATED_EXAMPLE, ccEmails: [], meetingId: null, occurredAt: null },
    {
      source: '/support/ticketing',
      origin: { correlationId: randomUUID() },
    },
  ),
);
/** a suggestion list as the knowledge base sends it (five articles) */
const SUGGESTIONS = Array.from({ length: 5 }, (_, i) => ({
  articleId: randomUUID(),
  slug: `fix-audio-echo-in-meetings-${i}`,
  title: `How to fix audio echo in meetings and webinars, part ${i + 1}`,
  locale: 'en-US',
  score: 0.9 - i / 10,
}));
const AT = '2026-12-05 10:00:00.000';

interface Shape {
  name: string;
  source: string;
  /** one statement per batch */
  run: (connection: Connection, rows: string[]) => Promise<unknown>;
  /** the rows given to `run`: ticket ids, or the ids of the unpublished outbox rows (`outbox`); a
   * shape that picks its own rows (claim, prunes) gets ticket ids only to size its batches */
  rows: 'tickets' | 'outbox';
  /** the shape's own transaction, as the caller writes it; prunes run on their own */
  transaction: boolean;
}

/** The ticketing projection's guarded UPDATE (apps/ticketing/src/projections: updateNewest). */
function projection(columns: string, values: unknown[], set: string, where: string): Shape['run'] {
  return (connection, ids) =>
    connection.query(
      `UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id CHAR(36) PATH '$[0]', at DATETIME(3) PATH '$[1]', ${columns})) AS s
         STRAIGHT_JOIN ticket t ON t.id = s.id SET ${set}, t.version = t.version + 1 WHERE ${where}`,
      [JSON.stringify([...ids].sort().map((id) => [id, AT, ...values]))],
    );
}

/** Outbox rows as ticketing's filing writes them (outbox.ts: one multi-row INSERT). */
const insertOutboxRows: Shape['run'] = (connection, ids) =>
  connection.query(
    'INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at, traceparent, tracestate) VALUES ?',
    [ids.map((id) => [randomUUID(), 'support.tickets', id, TicketCreated.type, randomUUID(), PAYLOAD, new Date(), null, null])],
  );

/** In the order run: each projection and the outbox's later steps work on the rows the shapes before them wrote. */
const SHAPES: Shape[] = [
  {
    name: 'ticket insert',
    source: 'ticket-filings (all columns, one multi-row INSERT)',
    rows: 'tickets',
    transaction: true,
    // every column in the table's order, as the migrations leave it: a column added later makes
    // this statement fail ("Column count doesn't match"), never measure a different row
    run: (connection, ids) =>
      connection.query('INSERT INTO ticket VALUES ?', [
        ids.map((id, i) => [
          id,
          `acct-${i % 50}`,
          `user-${i % 50}`,
          `${CREATED_EXAMPLE.subject} (${i})`,
          CREATED_EXAMPLE.description,
          'urgent',
          'desktop',
          '[]',
          null,
          null,
          'new',
          null,
          null,
          null,
          null,
          null,
          'pending',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          0,
          null,
          null,
          new Date(),
          new Date(),
          1,
          null,
        ]),
      ]),
  },
  {
    name: 'plan check shown',
    source: 'projection: JSON_TABLE UPDATE, 6 columns',
    rows: 'tickets',
    transaction: true,
    run: projection(
      `status VARCHAR(255) PATH '$[2]', reason TEXT PATH '$[3]', message TEXT PATH '$[4]', plan VARCHAR(255) PATH '$[5]', channels JSON PATH '$[6]'`,
      ['allowed', 'plan_allows', 'Your plan includes ticket support.', 'pro', ['help_center', 'ticket', 'chat']],
      `t.entitlement_status = s.status, t.entitlement_reason = s.reason, t.entitlement_message = s.message, t.entitlement_plan = s.plan,
       t.entitlement_channels = s.channels, t.entitlement_decided_at = s.at, t.updated_at = NOW(3)`,
      '(t.entitlement_decided_at IS NULL OR t.entitlement_decided_at <= s.at)',
    ),
  },
  {
    name: 'SLA clock shown',
    source: 'projection: JSON_TABLE UPDATE, 6 columns',
    rows: 'tickets',
    transaction: true,
    run: projection(
      `due DATETIME(3) PATH '$[2]'`,
      ['2026-12-05 11:00:00.000'],
      `t.sla_clock_state = 'running', t.sla_first_response_due_at = s.due, t.sla_breached = 0, t.sla_escalation_level = 0,
       t.sla_updated_at = s.at, t.updated_at = NOW(3)`,
      '(t.sla_updated_at IS NULL OR t.sla_updated_at <= s.at)',
    ),
  },
  {
    name: 'suggestions shown',
    source: 'projection: JSON_TABLE UPDATE, a JSON list of 5',
    rows: 'tickets',
    transaction: true,
    run: projection(
      `articles JSON PATH '$[2]'`,
      [SUGGESTIONS],
      't.suggested_articles = s.articles, t.suggestions_updated_at = s.at',
      't.suggestions_updated_at IS NULL OR t.suggestions_updated_at <= s.at',
    ),
  },
  {
    name: 'suggestions, CASE form',
    source: 'for comparison: UPDATE … CASE id WHEN … END, same guard',
    rows: 'tickets',
    transaction: true,
    run: (connection, ids) => {
      const list = JSON.stringify(SUGGESTIONS);
      const cases = (value: string) => ids.map((id) => `WHEN ${connection.escape(id)} THEN ${connection.escape(value)}`).join(' ');
      return connection.query(
        `UPDATE ticket SET suggested_articles = CASE id ${cases(list)} END, suggestions_updated_at = CASE id ${cases(AT)} END,
           version = version + 1
         WHERE id IN (?) AND (suggestions_updated_at IS NULL OR suggestions_updated_at <= ?)`,
        [ids, AT],
      );
    },
  },
  {
    name: 'outbox insert',
    source: 'outbox.ts: one multi-row INSERT',
    rows: 'tickets',
    transaction: true,
    run: insertOutboxRows,
  },
  {
    name: 'outbox claim',
    source: 'outbox-relay.ts: SELECT … FOR UPDATE (no mark)',
    rows: 'tickets',
    transaction: true,
    run: (connection, ids) =>
      connection.query('SELECT id, payload FROM outbox_message WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE', [ids.length]),
  },
  {
    name: 'outbox mark',
    source: 'outbox-relay.ts: UPDATE … SET published_at WHERE id IN',
    rows: 'outbox',
    transaction: true,
    run: (connection, ids) => connection.query('UPDATE outbox_message SET published_at = ? WHERE id IN (?)', [new Date(), ids]),
  },
  {
    name: 'outbox prune',
    source: 'outbox-relay.ts: DELETE … LIMIT, published rows',
    rows: 'tickets',
    transaction: false,
    run: (connection, ids) =>
      connection.query('DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < ? LIMIT ?', [
        new Date(Date.now() + 3_600_000),
        ids.length,
      ]),
  },
  {
    name: 'inbox insert',
    source: 'inbox.ts: INSERT IGNORE',
    rows: 'tickets',
    transaction: true,
    run: (connection, ids) =>
      connection.query('INSERT IGNORE INTO inbox_event (consumer, event_id, type, topic, processed_at) VALUES ?', [
        ids.map(() => ['ticketing.entitlements', randomUUID(), 'support.entitlement.checked.v1', 'support.entitlements', new Date()]),
      ]),
  },
  {
    name: 'inbox prune',
    source: 'inbox.ts: DELETE … LIMIT',
    rows: 'tickets',
    transaction: false,
    run: (connection, ids) =>
      connection.query('DELETE FROM inbox_event WHERE processed_at < ? LIMIT ?', [new Date(Date.now() + 3_600_000), ids.length]),
  },
  {
    name: 'outbox insert again',
    source: 'for comparison: rows for deletion on publish',
    rows: 'tickets',
    transaction: true,
    run: insertOutboxRows,
  },
  {
    name: 'outbox delete on publish',
    source: 'for comparison: DELETE … WHERE id IN instead of mark + prune',
    rows: 'outbox',
    transaction: true,
    run: (connection, ids) => connection.query('DELETE FROM outbox_message WHERE id IN (?)', [ids]),
  },
  {
    name: 'empty transaction',
    source: 'START TRANSACTION, SELECT 1, COMMIT (per transaction, not per row)',
    rows: 'tickets',
    transaction: true,
    run: (connection) => connection.query('SELECT 1'),
  },
];

async function main(): Promise<void> {
  const pid = mysqlServerPid();
  if (!pid) throw new Error('profile-row-costs: no mariadbd or mysqld process on this machine; it measures the server from /proc');
  const prefix = throwawayPrefix('rowcost');
  const env = { ...process.env, DATABASE_URL, DB_NAME_PREFIX: prefix, AUTH_JWT_SECRET: 'row-costs-0123456789abcdef0123456789abcdef' };
  try {
    await migrateServiceDatabase(TICKETING_SERVICE, 'up', env);
    const connection = await createConnection({ uri: `${DATABASE_URL}/${prefix}ticketing` });
    try {
      console.log(`mariadbd CPU and redo per row, ${ROWS} rows a shape in transactions of ${BATCH}, ${PASSES} passes`);
      const results = new Map<string, { source: string; micros: number[]; redo: number[] }>();
      for (let pass = 0; pass < PASSES; pass += 1) {
        await connection.query('DELETE FROM ticket');
        const tickets = Array.from({ length: ROWS }, () => randomUUID());
        const second = Array.from({ length: ROWS }, () => randomUUID());
        let outboxIds: string[] = [];
        for (const shape of SHAPES) {
          // the CASE form updates a second set of tickets, inserted (unmeasured) with the first
          if (shape.name === 'ticket insert') await runShape(connection, shape, second);
          const rows = shape.rows === 'outbox' ? outboxIds : shape.name === 'suggestions, CASE form' ? second : tickets;
          await sleep(SETTLE_MS);
          const before = await measure(connection, pid);
          await runShape(connection, shape, rows);
          await sleep(SETTLE_MS);
          const after = await measure(connection, pid);
          if (shape.name === 'outbox insert' || shape.name === 'outbox insert again') {
            const pending = await connection.query('SELECT id FROM outbox_message WHERE published_at IS NULL ORDER BY id');
            outboxIds = (pending[0] as Array<{ id: string }>).map((row) => String(row.id));
          }
          const perRow = shape.name === 'empty transaction' ? Math.ceil(ROWS / BATCH) : ROWS;
          const entry = results.get(shape.name) ?? { source: shape.source, micros: [], redo: [] };
          entry.micros.push((after.cpuMicros - before.cpuMicros) / perRow);
          entry.redo.push((after.redo - before.redo) / perRow);
          results.set(shape.name, entry);
        }
      }
      const table = [...results].map(([name, entry]) => ({
        shape: name,
        'mariadbd µs per row': entry.micros.map((value) => value.toFixed(1)).join(' / '),
        'redo bytes per row': entry.redo.map((value) => value.toFixed(0)).join(' / '),
        'written as': entry.source,
      }));
      console.table(table);
      console.log(
        `* /proc CPU ticks are ${1_000_000 / ticksPerSecond} µs: ${(1_000_000 / ticksPerSecond / ROWS).toFixed(2)} µs a row at ${ROWS} rows`,
      );
    } finally {
      await connection.end();
    }
  } finally {
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
}

/** `rows` in transactions of BATCH (prunes without one, as the services run them). */
async function runShape(connection: Connection, shape: Shape, rows: string[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    if (shape.transaction) await connection.query('START TRANSACTION');
    await shape.run(connection, rows.slice(start, start + BATCH));
    if (shape.transaction) await connection.query('COMMIT');
  }
}

async function measure(connection: Connection, pid: number): Promise<{ cpuMicros: number; redo: number }> {
  const [rows] = await connection.query("SHOW GLOBAL STATUS LIKE 'Innodb_os_log_written'");
  const ticks = cpuTicks(pid) ?? 0;
  return { cpuMicros: (ticks * 1_000_000) / ticksPerSecond, redo: Number((rows as Array<{ Value: string }>)[0].Value) };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
