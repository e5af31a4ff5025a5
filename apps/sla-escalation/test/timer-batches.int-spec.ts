import { defaultSlaPolicy, startClock } from '@support/domain-sla';
import { isTransientDatabaseError, parseDatabaseUrl } from '@support/persistence';
import { queryDatabase, TEST_DATABASE_URL, waitFor } from '@support/testing';
import { createConnection, type Connection } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { TIMER_UPSERT } from '../src/clocks/clock-ledger';
import type { TimerPass } from '../src/timers/timer-scheduler';
import { proClockRecord, SettableTimeSource, TimerDatabase, type SchedulerReplica } from './timer-bed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy = defaultSlaPolicy();

interface OutboxRow {
  id: string;
  type: string;
  message_key: string;
  payload: string;
}

/** Urgent first-response clocks (1 h) started at the given instants, written as a handler would. */
async function startClocks(replica: SchedulerReplica, startedAt: Date[]): Promise<string[]> {
  const ids: string[] = [];
  await replica.dataSource.transaction(async (manager) => {
    const writes = startedAt.map((instant) => {
      const ticketId = randomUUID();
      const step = startClock({ ticketId, metric: 'first_response', priority: 'urgent', startedAt: instant, targetMs: HOUR, policy });
      const record = proClockRecord(ticketId, policy.id, instant);
      ids.push(record.id);
      return {
        record,
        clock: step.clock,
        transitions: step.transitions,
        change: { policy, origin: { correlationId: record.correlationId }, now: instant },
      };
    });
    await replica.ledger.writeMany(manager, writes);
  });
  return ids;
}

/**
 * Runs passes until one fires no clock (nothing due, or only clocks someone else holds). A pass
 * that loses a deadlock to the other replica is rolled back whole and simply tried again, as the
 * scheduler's loop does.
 */
async function drain(replica: SchedulerReplica): Promise<TimerPass[]> {
  const passes: TimerPass[] = [];
  for (;;) {
    let pass: TimerPass;
    try {
      pass = await replica.scheduler.firePass();
    } catch (error) {
      if (isTransientDatabaseError(error)) continue;
      throw error;
    }
    passes.push(pass);
    if (pass.clocks === 0) return passes;
  }
}

/** Both replicas side by side until no timer is due any more. */
async function drainTogether(replicas: SchedulerReplica[], database: string, now: Date): Promise<TimerPass[][]> {
  const passes: TimerPass[][] = replicas.map(() => []);
  for (let round = 0; round < 20; round += 1) {
    (await Promise.all(replicas.map(drain))).forEach((done, index) => passes[index].push(...done));
    const [{ n }] = await queryDatabase<{ n: number }>(database, 'SELECT COUNT(*) AS n FROM sla_timer WHERE due_at <= ?', [now]);
    if (Number(n) === 0) return passes;
  }
  throw new Error('due timers are left after 20 rounds');
}

const firedBy = (passes: TimerPass[]) => passes.reduce((n, p) => n + p.transitions, 0);

describe('SLA timers fired in batches (real MariaDB, no broker)', () => {
  let db: TimerDatabase;
  const time = new SettableTimeSource();
  const base = new Date(Date.now() - 24 * HOUR);
  let replicas: SchedulerReplica[];

  beforeAll(async () => {
    db = await TimerDatabase.create('slabatch');
    replicas = [await db.replica(time, { SLA_TIMER_BATCH_SIZE: 40 }), await db.replica(time, { SLA_TIMER_BATCH_SIZE: 40 })];
  });

  afterAll(() => db?.drop());

  const outboxOf = async (clockIds: string[]) => {
    const rows = await queryDatabase<OutboxRow>(db.database, 'SELECT id, type, message_key, payload FROM outbox_message ORDER BY id');
    const wanted = new Set(clockIds);
    return rows
      .map((row) => ({ ...row, data: JSON.parse(row.payload).data }))
      .filter((row) => wanted.has(row.data.clockId) && !row.type.endsWith('clock_started.v1'));
  };
  // each case counts its own timers: what earlier cases left pending must not come due in it
  const forgetPendingTimers = () => queryDatabase(db.database, 'DELETE FROM sla_timer');
  const timersLeft = async (clockIds: string[]) =>
    Number((await queryDatabase<{ n: number }>(db.database, 'SELECT COUNT(*) AS n FROM sla_timer WHERE clock_id IN (?)', [clockIds]))[0].n);

  it("two schedulers over one database fire each threshold exactly once, every clock's events in order", async () => {
    const starts = Array.from({ length: 300 }, (_, i) => new Date(base.getTime() + i * 1000));
    const ids = await startClocks(replicas[0], starts);
    // one row per clock: its next threshold
    expect(await timersLeft(ids)).toBe(ids.length);

    // first the warnings alone, then breach and both escalations of every clock in the same passes
    time.set(new Date(base.getTime() + 50 * MINUTE));
    const warnings = await drainTogether(replicas, db.database, time.now());
    expect(warnings.map(firedBy).reduce((a, b) => a + b)).toBe(ids.length);
    time.set(new Date(base.getTime() + 2 * HOUR));
    const fired = (await drainTogether(replicas, db.database, time.now())).map(firedBy);
    expect(fired[0] + fired[1]).toBe(3 * ids.length);
    // both really worked side by side, on disjoint batches
    expect(Math.min(...fired)).toBeGreaterThan(0);

    expect(await timersLeft(ids)).toBe(0);
    const events = await outboxOf(ids);
    expect(events).toHaveLength(4 * ids.length);
    const byClock = new Map<string, string[]>();
    for (const event of events) {
      const label = event.type.replace(/^support\.sla\.|\.v1$/g, '') + (event.data.level ? event.data.level : '');
      byClock.set(event.data.clockId, [...(byClock.get(event.data.clockId) ?? []), label]);
      expect(event.message_key).toBe(event.data.ticketId);
    }
    for (const id of ids) expect(byClock.get(id)).toEqual(['warning', 'breached', 'escalated1', 'escalated2']);
    const start = new Map(ids.map((id, i) => [id, starts[i].getTime()]));
    for (const event of events) {
      const threshold = Date.parse(event.data.warnedAt ?? event.data.breachedAt ?? event.data.escalatedAt);
      const offset = { warning: 45 * MINUTE, breached: HOUR, escalated: event.data.level === 2 ? 90 * MINUTE : HOUR }[
        event.type.replace(/^support\.sla\.|\.v1$/g, '') as 'warning' | 'breached' | 'escalated'
      ];
      expect(threshold).toBe(start.get(event.data.clockId)! + offset);
    }
    const clocks = await queryDatabase<{ escalation_level: number; n: number }>(
      db.database,
      'SELECT escalation_level, COUNT(*) AS n FROM sla_clock WHERE id IN (?) AND breached_at IS NOT NULL AND warned_at IS NOT NULL GROUP BY escalation_level',
      [ids],
    );
    expect(clocks.map((row) => [row.escalation_level, Number(row.n)])).toEqual([[2, ids.length]]);
  });

  it('skips a clock another transaction holds and fires it on a later pass', async () => {
    await forgetPendingTimers();
    const [held, ...free] = await startClocks(
      replicas[0],
      Array.from({ length: 5 }, () => new Date(base.getTime() + 2 * HOUR)),
    );
    time.set(new Date(base.getTime() + 2 * HOUR + 50 * MINUTE));
    const handler: Connection = await createConnection({ ...parseDatabaseUrl(TEST_DATABASE_URL), database: db.database });
    try {
      // as an event handler does: the clock's row is locked for its whole transaction
      await handler.query('START TRANSACTION');
      await handler.query('SELECT id FROM sla_clock WHERE id = ? FOR UPDATE', [held]);
      const passes = await drain(replicas[1]);
      expect(firedBy(passes)).toBe(free.length);
      expect((await outboxOf([held])).map((e) => e.type)).toEqual([]);
      expect(await timersLeft([held])).toBe(1);
    } finally {
      await handler.query('COMMIT');
      await handler.end();
    }
    const later = await drain(replicas[1]);
    expect(firedBy(later)).toBe(1);
    expect((await outboxOf([held])).map((e) => e.type)).toEqual(['support.sla.warning.v1']);
    expect((await outboxOf(free)).length).toBe(free.length);
  });

  /** A stray row of the clock beside the one it owes: an escalation of level 2 due with its next threshold. */
  const addStrayRow = (clock: string) =>
    queryDatabase(
      db.database,
      `INSERT INTO sla_timer (clock_id, ticket_id, kind, level, due_at, created_at)
       SELECT clock_id, ticket_id, 'escalation', 2, due_at, created_at FROM sla_timer WHERE clock_id = ?`,
      [clock],
    );

  it('skips a clock with a timer row another replica has claimed, without waiting for it', async () => {
    await forgetPendingTimers();
    const [contended] = await startClocks(replicas[0], [new Date(base.getTime() + 5 * HOUR)]);
    await addStrayRow(contended);
    // warning, breach and the first escalation are due; another replica has claimed the warning's row
    time.set(new Date(base.getTime() + 5 * HOUR + 70 * MINUTE));
    const other: Connection = await createConnection({ ...parseDatabaseUrl(TEST_DATABASE_URL), database: db.database });
    try {
      await other.query('START TRANSACTION');
      await other.query("SELECT id FROM sla_timer WHERE clock_id = ? AND kind = 'warning' FOR UPDATE", [contended]);
      const started = Date.now();
      // the stray row is claimed; it is not what the clock owes, so the pass would lock the clock's
      // other rows too, and leaves the clock to a later pass rather than wait for the warning's
      const pass = await replicas[0].scheduler.firePass();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(pass).toMatchObject({ claimed: 1, clocks: 0, transitions: 0 });
    } finally {
      await other.query('COMMIT');
      await other.end();
    }
    expect((await replicas[0].scheduler.firePass()).transitions).toBe(3);
    expect((await outboxOf([contended])).map((e) => e.type)).toEqual([
      'support.sla.warning.v1',
      'support.sla.breached.v1',
      'support.sla.escalated.v1',
    ]);
    expect(await timersLeft([contended])).toBe(1);
  });

  it('fires a due warning without reading any other timer row, leaving the clock one row: its next threshold', async () => {
    await forgetPendingTimers();
    const [clock] = await startClocks(replicas[0], [new Date(base.getTime() + 6 * HOUR)]);
    const [warningRow] = await queryDatabase<{ id: string }>(db.database, 'SELECT id FROM sla_timer WHERE clock_id = ?', [clock]);
    time.set(new Date(base.getTime() + 6 * HOUR + 50 * MINUTE));
    const sent: string[] = [];
    const logger = replicas[0].dataSource.logger;
    const logQuery = logger.logQuery;
    logger.logQuery = (query, parameters, runner) => {
      sent.push(query);
      return logQuery.call(logger, query, parameters, runner);
    };
    try {
      const pass = await replicas[0].scheduler.firePass();
      expect(pass).toMatchObject({ claimed: 1, clocks: 1, transitions: 1 });
    } finally {
      logger.logQuery = logQuery;
    }
    // claim, clocks, clock upsert, the timer row rewritten, outbox; no read of the clock's timer
    // rows, and no delete: the breach takes the warning's row
    expect(sent.filter((query) => /FROM sla_timer WHERE (clock_id|id) IN/.test(query))).toEqual([]);
    expect(sent.filter((query) => /sla_timer/.test(query) && !/^SELECT/.test(query))).toEqual([TIMER_UPSERT]);
    expect((await outboxOf([clock])).map((e) => e.type)).toEqual(['support.sla.warning.v1']);
    const left = await queryDatabase<{ id: string; kind: string; level: number; due_at: Date }>(
      db.database,
      'SELECT id, kind, level, due_at FROM sla_timer WHERE clock_id = ? ORDER BY due_at, level',
      [clock],
    );
    expect(left.map((row) => [`${row.kind}${row.level}`, new Date(row.due_at).getTime() - (base.getTime() + 6 * HOUR)])).toEqual([
      ['breach0', HOUR],
    ]);
    expect(String(left[0].id)).toBe(String(warningRow.id));
  });

  it('brings stored timer rows back in line with the clock when a claimed row is not what its state owes', async () => {
    await forgetPendingTimers();
    const [clock] = await startClocks(replicas[0], [new Date(base.getTime() + 7 * HOUR)]);
    // a stray row: the escalation of level 2 stored at the warning's instant, 45 minutes in
    await addStrayRow(clock);
    time.set(new Date(base.getTime() + 7 * HOUR + 50 * MINUTE));
    // both rows are due: only the warning fires, and the stray row goes
    const pass = await replicas[0].scheduler.firePass();
    expect(pass).toMatchObject({ claimed: 2, clocks: 1, transitions: 1 });
    const rows = await queryDatabase<{ kind: string; level: number; due_at: Date }>(
      db.database,
      'SELECT kind, level, due_at FROM sla_timer WHERE clock_id = ? ORDER BY due_at, level',
      [clock],
    );
    const start = base.getTime() + 7 * HOUR;
    expect(rows.map((row) => [`${row.kind}${row.level}`, new Date(row.due_at).getTime() - start])).toEqual([['breach0', HOUR]]);
  });

  it('sleeps until the next timer is due rather than a whole poll interval', async () => {
    await forgetPendingTimers();
    const live = await db.replica({ now: () => new Date() }, { SLA_TIMER_POLL_INTERVAL_MS: 5000, SLA_TIMER_BATCH_SIZE: 100 });
    const lateness: number[] = [];
    live.scheduler.onPass((pass) => lateness.push(...pass.thresholds.map((t) => pass.committedAt.getTime() - t.getTime())));
    // warnings 45 min after the start: due 0.4 s to 1.24 s from now, all inside the first poll interval
    const now = Date.now();
    const ids = await startClocks(
      live,
      Array.from({ length: 8 }, (_, i) => new Date(now - 45 * MINUTE + 400 + i * 120)),
    );
    live.scheduler.onApplicationBootstrap();
    try {
      await waitFor(async () => lateness.length === ids.length, { timeoutMs: 10_000, description: 'eight warnings' });
    } finally {
      await live.scheduler.onModuleDestroy();
    }
    // waiting out the 5 s poll interval would leave every warning at least 3.7 s late; the bound
    // is loose on purpose (a mechanism check, not a timing target: those live in the bench)
    expect(Math.max(...lateness)).toBeLessThan(2500);
  });

  it("wakes on a handler's commit only when its clocks owe a threshold before the next poll", async () => {
    await forgetPendingTimers();
    const live = await db.replica(
      { now: () => new Date() },
      { SLA_TIMER_POLL_INTERVAL_MS: 5000, SLA_TIMER_BATCH_SIZE: 100, SLA_TIMER_CONCURRENCY: 1 },
    );
    const passes: TimerPass[] = [];
    live.scheduler.onPass((pass) => passes.push(pass));
    live.scheduler.onApplicationBootstrap();
    try {
      await waitFor(async () => passes.length > 0, { timeoutMs: 5_000, description: 'the first pass' });
      const asleep = passes.length;
      // new tickets' clocks, committed and announced as the consume step announces its commits:
      // their first threshold (the warning) is 45 minutes away, so the scheduler sleeps on
      for (let commit = 0; commit < 5; commit += 1) {
        await startClocks(live, [new Date()]);
        live.outbox.notifyCommitted();
        await new Promise((resolve) => setTimeout(resolve, 40)); // past the 20 ms between passes
      }
      expect(passes).toHaveLength(asleep);
      // a clock whose warning is due already: its commit wakes the scheduler long before its poll
      const [due] = await startClocks(live, [new Date(Date.now() - 45 * MINUTE)]);
      live.outbox.notifyCommitted();
      await waitFor(async () => passes.some((pass) => pass.clocks > 0), { timeoutMs: 2_000, description: 'a pass the commit woke' });
      expect(passes.find((pass) => pass.clocks > 0)?.transitions).toBe(1); // the warning
      expect(await timersLeft([due])).toBe(1); // its next threshold, the breach
    } finally {
      await live.scheduler.onModuleDestroy();
    }
  });
});
