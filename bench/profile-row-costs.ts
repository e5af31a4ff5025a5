/**
 * What MariaDB spends on each kind of row the hot path writes: `mariadbd`'s CPU time (user +
 * system, from /proc, so its background threads count too), the redo log it writes and the buffer
 * pool pages it requests (latched to read or change), per row.
 * The rows are written by the platform's own code on ticketing's own schema (its migrations, a
 * throw-away database of the real server): the filing's ticket insert (`insertRows`), the three
 * projection updates (`TicketProjections`), the outbox's insert (`OutboxWriter`), the relay's
 * pass (`OutboxRelay.relayOnce`: claim and mark; a producer that sends nowhere) and its prune,
 * the inbox's insert and prune (`Inbox`). One shape that the platform does not use is measured
 * beside them for comparison: outbox rows deleted on publish instead of marked and pruned. So are
 * the plan check and the clock written wholly as side rows (one row per ticket in a table of each
 * projection's own, upserted and guarded by time), as the suggestions are written since
 * SuggestionSets1765400000000 (`suggestions shown`). The platform writes the clock in place on the
 * ticket (SlaClockInPlace1765500000000), and the plan check's fixed parts in place with its texts
 * in a side row (`plan check shown`, PlanCheckInPlace1765600000000).
 *
 * Each shape writes `--rows` rows; the ticket, projection, outbox and inbox writes go in
 * transactions of `--batch`, as a busy consumer writes them, the relay and the prunes in their
 * own batch sizes. `--passes` runs the whole list again, to show how much one figure moves.
 *
 *   npx ts-node --transpile-only bench/profile-row-costs.ts [--rows=9000] [--batch=50] [--passes=2]
 *
 * Run it with nothing else using the server: the CPU is the whole server's. A diagnostic, not
 * part of `npm run bench`.
 */
import 'reflect-metadata';
import {
  createEvent,
  EntitlementChecked,
  type EventDefinition,
  KbArticlesSuggested,
  SlaClockStarted,
  type SupportEvent,
  TicketCreated,
  TOPICS,
} from '@support/contracts';
import { CLAIM_UNPUBLISHED, Inbox, MESSAGING_ENTITIES, OutboxRelay, OutboxWriter, pending } from '@support/messaging';
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import { insertRows, mysqlDataSourceOptions, parseDatabaseUrl, storedDatetime } from '@support/persistence';
import { CommonEnvironment } from '@support/platform';
import { dropDatabasesWithPrefix, throwawayPrefix } from '@support/testing-core';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TicketProjections } from '../apps/ticketing/src/projections/ticket-projections.service';
import { TICKETING_SERVICE } from '../apps/ticketing/src/service';
import { newTicket } from '../apps/ticketing/src/tickets/new-ticket';
import { ticketCreatedPayload } from '../apps/ticketing/src/tickets/ticket-created.payload';
import { TicketStatusRecorder } from '../apps/ticketing/src/tickets/ticket-status.recorder';
import { Ticket } from '../apps/ticketing/src/tickets/ticket.entity';
import { cliArgument, runDiagnostic } from './cli';
import { exampleOf } from './examples';
import { cpuSeconds, mysqlServerPid, ticksPerSecond } from './pipeline/process-monitor';
import { globalStatus } from './pipeline/server-counters';
import { sleep } from './stats';

const ROWS = Number(cliArgument('rows', '9000'));
const BATCH = Number(cliArgument('batch', '50'));
const PASSES = Number(cliArgument('passes', '2'));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
/** lets the server's background threads (purge, page cleaner) finish one shape's work before the next is measured */
const SETTLE_MS = 2_000;
/** the services' relay batch: OUTBOX_BATCH_SIZE's default */
const RELAY_BATCH = new CommonEnvironment().OUTBOX_BATCH_SIZE;
/** past the outbox's day and the inbox's 14 days of retention: every published or processed row is due for its prune */
const LATER = () => new Date(Date.now() + 15 * 24 * 3600_000);

const origin = () => ({ correlationId: uuidv7() });

/** A ticket as `TicketsService.file` makes one from the load generator's form (no CC, meeting or occurrence time), as written. */
function filedTicket(index: number): Ticket {
  const form = exampleOf(TicketCreated);
  const ticket = newTicket(
    {
      accountId: `acct-${index % 50}`,
      requesterId: `user-${index % 50}`,
      subject: `${form.subject} (${index})`,
      description: form.description,
      priority: 'urgent',
      device: 'desktop',
      ccEmails: [],
      meetingId: null,
      occurredAt: null,
    },
    { expectsSuggestions: true },
  );
  return Object.assign(ticket, { version: 1 });
}

/** The contract's example of `definition`, for `ticket`, as the other service announces it. */
function eventFor<T extends { ticketId: string }>(definition: EventDefinition<T>, ticket: Ticket, data: Partial<T> = {}): SupportEvent<T> {
  return createEvent(
    definition,
    { ...exampleOf(definition), ...data, ticketId: ticket.id },
    { source: '/support/bench', origin: origin() },
  );
}

interface Tools {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  inbox: Inbox;
  projections: TicketProjections;
}

interface Shape {
  name: string;
  /** what writes the rows */
  source: string;
  /** writes one row per ticket of `tickets` */
  run: (tools: Tools, tickets: Ticket[]) => Promise<unknown>;
}

/** `write` for each batch of BATCH tickets, in its own transaction, as a consumer's batch. */
function inBatches(write: (tools: Tools, manager: EntityManager, batch: Ticket[]) => Promise<unknown>): Shape['run'] {
  return async (tools, tickets) => {
    for (let start = 0; start < tickets.length; start += BATCH) {
      const batch = tickets.slice(start, start + BATCH);
      await tools.dataSource.transaction('READ COMMITTED', (manager) => write(tools, manager, batch));
    }
  };
}

/** Each ticket's support.ticket.created in the outbox, as the filing writes it. */
const writeCreatedEvents = inBatches(({ outbox }, manager, batch) =>
  outbox.addMany(
    manager,
    batch.map((ticket) => pending(TicketCreated, ticketCreatedPayload(ticket), origin())),
  ),
);

/** In the order run: each projection and the outbox's later steps work on the rows the shapes before them wrote. */
const SHAPES: Shape[] = [
  {
    name: 'ticket insert',
    source: 'ticket-filings: insertRows',
    run: inBatches((_, manager, batch) => insertRows(manager, Ticket, batch)),
  },
  {
    name: 'plan check shown',
    source: 'TicketProjections.applyDecisions',
    run: inBatches(({ projections }, manager, batch) =>
      projections.applyDecisions(
        batch.map((ticket) => eventFor(EntitlementChecked, ticket, { status: 'entitled', decidedAt: new Date().toISOString() })),
        { manager, topic: TOPICS.entitlements },
      ),
    ),
  },
  {
    name: 'SLA clock shown',
    source: 'TicketProjections.applyClocksStarted',
    run: inBatches(({ projections }, manager, batch) =>
      projections.applyClocksStarted(
        batch.map((ticket) => eventFor(SlaClockStarted, ticket, { metric: 'first_response' })),
        { manager, topic: TOPICS.sla },
      ),
    ),
  },
  {
    name: 'suggestions shown',
    source: 'TicketProjections.applySuggestions',
    run: inBatches(({ projections }, manager, batch) =>
      projections.applySuggestions(
        batch.map((ticket) => eventFor(KbArticlesSuggested, ticket, { suggestedAt: new Date().toISOString() })),
        { manager, topic: TOPICS.kb },
      ),
    ),
  },
  {
    name: 'outbox insert',
    source: 'OutboxWriter.addMany (support.ticket.created)',
    run: writeCreatedEvents,
  },
  {
    name: 'relay pass',
    source: 'OutboxRelay.relayOnce: claim, send (nowhere), mark',
    run: async ({ relay }) => {
      while ((await relay.relayOnce()) > 0);
    },
  },
  {
    name: 'outbox prune',
    source: 'OutboxRelay.pruneOnce, a day later',
    run: async ({ relay }) => {
      while (await relay.pruneOnce(LATER().getTime()));
    },
  },
  {
    name: 'inbox insert',
    source: 'Inbox.record',
    run: inBatches(({ inbox }, manager, batch) =>
      inbox.record(
        manager,
        'ticketing.entitlements',
        TOPICS.entitlements,
        batch.map(() => ({ id: uuidv7(), type: EntitlementChecked.type })),
      ),
    ),
  },
  {
    name: 'inbox prune',
    source: 'Inbox.prune, 14 days later',
    run: async ({ inbox }) => {
      while ((await inbox.prune(LATER())) > 0);
    },
  },
  {
    name: 'outbox insert again',
    source: 'OutboxWriter.addMany, rows for the comparison below',
    run: writeCreatedEvents,
  },
  {
    name: 'outbox delete on publish',
    source: 'not in the platform: the relay claim, then DELETE … WHERE id IN instead of mark and prune',
    run: async ({ dataSource }) => {
      for (;;) {
        const claimed = await dataSource.transaction('READ COMMITTED', async (manager) => {
          const rows: Array<{ id: string }> = await manager.query(CLAIM_UNPUBLISHED, [RELAY_BATCH]);
          if (rows.length > 0) await manager.query('DELETE FROM outbox_message WHERE id IN (?)', [rows.map((row) => row.id)]);
          return rows.length;
        });
        if (claimed === 0) return;
      }
    },
  },
  {
    name: 'decision in a side row',
    source: 'not in the platform: INSERT … ON DUPLICATE KEY UPDATE of one row per ticket in a table of its own, guarded by time',
    run: inBatches((_, manager, batch) => {
      const decision = exampleOf(EntitlementChecked);
      return upsertSideRows(manager, 'side_decision', batch, {
        columns: `status VARCHAR(16) PATH '$[2]', reason VARCHAR(64) PATH '$[3]', message TEXT PATH '$[4]', plan VARCHAR(16) PATH '$[5]', channels JSON PATH '$[6]'`,
        values: ['status', 'reason', 'message', 'plan', 'channels'],
        row: () => ['entitled', decision.reason, decision.message, decision.plan ?? null, decision.channels],
      });
    }),
  },
  {
    name: 'SLA clock in a side row',
    source: 'not in the platform: as above',
    run: inBatches((_, manager, batch) =>
      upsertSideRows(manager, 'side_clock', batch, {
        columns: `state VARCHAR(16) PATH '$[2]', due_at DATETIME(3) PATH '$[3]'`,
        values: ['state', 'due_at'],
        row: () => ['running', storedDatetime(new Date(Date.now() + 3_600_000))],
      }),
    ),
  },
];

/** The side tables of the comparison shapes: one row per ticket, keyed by its id, with the time that guards a replay. */
const SIDE_TABLES = [
  `CREATE TABLE side_decision (ticket_id CHAR(36) PRIMARY KEY, status VARCHAR(16), reason VARCHAR(64), message TEXT, plan VARCHAR(16),
     channels JSON, at DATETIME(3) NOT NULL)`,
  'CREATE TABLE side_clock (ticket_id CHAR(36) PRIMARY KEY, state VARCHAR(16), due_at DATETIME(3), at DATETIME(3) NOT NULL)',
];

/**
 * One multi-row upsert of a batch's side rows, from a JSON_TABLE as the projections' updates read
 * their events: a newer row replaces an older one, an older one (a replay) changes nothing.
 */
function upsertSideRows(
  manager: EntityManager,
  table: string,
  batch: Ticket[],
  shape: { columns: string; values: string[]; row: () => unknown[] },
): Promise<unknown> {
  const at = storedDatetime(new Date());
  const newer = `VALUES(at) >= ${table}.at`;
  return manager.query(
    `INSERT INTO ${table} (ticket_id, at, ${shape.values.join(', ')})
     SELECT s.id, s.at, ${shape.values.map((column) => `s.${column}`).join(', ')}
       FROM JSON_TABLE(?, '$[*]' COLUMNS (id CHAR(36) PATH '$[0]', at DATETIME(3) PATH '$[1]', ${shape.columns})) AS s
     ON DUPLICATE KEY UPDATE ${shape.values.map((column) => `${column} = IF(${newer}, VALUES(${column}), ${table}.${column})`).join(', ')},
       at = GREATEST(${table}.at, VALUES(at))`,
    [JSON.stringify(batch.map((ticket) => [ticket.id, at, ...shape.row()]))],
  );
}

async function main(): Promise<void> {
  const pid = mysqlServerPid();
  if (!pid) throw new Error('profile-row-costs: no mariadbd or mysqld process on this machine; it measures the server from /proc');
  const prefix = throwawayPrefix('rowcost');
  const env = { ...process.env, DATABASE_URL, DB_NAME_PREFIX: prefix, AUTH_JWT_SECRET: 'row-costs-0123456789abcdef0123456789abcdef' };
  try {
    await migrateServiceDatabase(TICKETING_SERVICE, 'up', env);
    const dataSource = new DataSource(
      mysqlDataSourceOptions({
        server: parseDatabaseUrl(DATABASE_URL),
        database: `${prefix}ticketing`,
        entities: [Ticket, ...MESSAGING_ENTITIES],
        migrations: [],
      }),
    );
    await dataSource.initialize();
    for (const statement of SIDE_TABLES) await dataSource.query(statement);
    try {
      const outbox = new OutboxWriter('/support/ticketing');
      const quiet = { log: () => undefined, warn: console.warn, error: console.error };
      // a producer that sends nowhere: the relay's database work alone
      const relay = new OutboxRelay(dataSource, { sendBatch: async () => [] }, quiet, { batchSize: RELAY_BATCH });
      const tools: Tools = {
        dataSource,
        outbox,
        relay,
        inbox: new Inbox(dataSource),
        projections: new TicketProjections(new TicketStatusRecorder(outbox)),
      };
      console.log(`mariadbd CPU and redo per row, ${ROWS} rows a shape, transactions of ${BATCH}, ${PASSES} passes`);
      const results = new Map<string, { source: string; micros: number[]; redo: number[]; pages: number[] }>();
      for (let pass = 0; pass < PASSES; pass += 1) {
        const tickets = Array.from({ length: ROWS }, (_, index) => filedTicket(index));
        for (const shape of SHAPES) {
          await sleep(SETTLE_MS);
          const before = await measure(pid);
          await shape.run(tools, tickets);
          await sleep(SETTLE_MS);
          const after = await measure(pid);
          const entry = results.get(shape.name) ?? { source: shape.source, micros: [], redo: [], pages: [] };
          entry.micros.push((after.cpuMicros - before.cpuMicros) / ROWS);
          entry.redo.push((after.redo - before.redo) / ROWS);
          entry.pages.push((after.pageRequests - before.pageRequests) / ROWS);
          results.set(shape.name, entry);
        }
      }
      console.table(
        [...results].map(([name, entry]) => ({
          shape: name,
          'mariadbd µs per row': entry.micros.map((value) => value.toFixed(1)).join(' / '),
          'redo bytes per row': entry.redo.map((value) => value.toFixed(0)).join(' / '),
          'page requests per row': entry.pages.map((value) => value.toFixed(1)).join(' / '),
          'written by': entry.source,
        })),
      );
      console.log(`* /proc CPU ticks are ${1_000_000 / ticksPerSecond} µs: ${(1_000_000 / ticksPerSecond / ROWS).toFixed(2)} µs a row`);
      console.log(
        "* page requests: InnoDB buffer pool read + write requests (pages the server latched to find and change the rows), the whole server; unlike CPU time they hardly move with the machine's speed",
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
}

async function measure(pid: number): Promise<{ cpuMicros: number; redo: number; pageRequests: number }> {
  const status = await globalStatus(DATABASE_URL);
  return {
    cpuMicros: cpuSeconds(pid) * 1_000_000,
    redo: status['Innodb_os_log_written'],
    pageRequests: status['Innodb_buffer_pool_read_requests'] + status['Innodb_buffer_pool_write_requests'],
  };
}

runDiagnostic(main);
