/**
 * SLA scheduler at scale (issue 9): the sla-escalation `TimerScheduler` itself, its real loop and
 * SQL, on a throw-away database built by the service's migrations. Broker publishing is not part
 * of it: an event counts once its outbox row is committed.
 *
 * - due on time: a large set of active clocks whose timers lie hours ahead, plus a set whose
 *   warnings come due spread evenly over a window while the scheduler runs; lateness is the
 *   pass's commit time minus the threshold instant, per event.
 * - backlog: due thresholds that piled up while no scheduler ran (warnings of some clocks, breach
 *   and first escalation of others, which fall due together: two events from the clock's one timer
 *   row); the scheduler starts, and the part measures when the first pass commits and how fast
 *   the backlog drains, in events.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { CLAIM_DUE_TIMERS } from '../apps/sla-escalation/src/timers/due-timer-batch';
import type { TimerPass } from '../apps/sla-escalation/src/timers/timer-scheduler';
import { SystemTimeSource } from '../apps/sla-escalation/src/time-source';
import { TimerDatabase, type SchedulerReplica } from '../apps/sla-escalation/test/timer-bed';
import { onCleanup } from './cleanup';
import { cpuTicks, mysqlServerPid, ticksPerSecond } from './pipeline/process-monitor';
import { difference, ServerCounters, statements, type CounterValues } from './pipeline/server-counters';
import { insertClocks } from './scheduler-data';
import type { BenchOptions, BenchSection } from './section';
import { max, percentile, round, sleep } from './stats';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Sizes {
  /** active clocks whose timers lie beyond the run */
  background: number;
  /** clocks whose warning comes due within `windowMs` */
  soon: number;
  windowMs: number;
  /** due thresholds (events) waiting when the scheduler starts */
  backlog: number;
}

const FULL: Sizes = { background: 990_000, soon: 10_000, windowMs: MINUTE, backlog: 100_000 };
const QUICK: Sizes = { background: 19_000, soon: 1_000, windowMs: 5_000, backlog: 5_000 };

type Row = Record<string, string | number | null>;

const tag = () => randomBytes(4).toString('hex');

/**
 * What a scheduler run cost, per fired event: the statements and commits its own connections sent
 * (counted at the client, every statement TypeORM sends, transaction control included), the
 * server's counters (SHOW GLOBAL STATUS deltas: server-wide, so anything else using the server
 * is in them), the CPU of this process (the scheduler) and of the database server, and the load
 * average, which says how much of the machine was someone else's.
 */
class CostMeter {
  private readonly client = { statements: 0, commits: 0, selects: 0, writes: 0 };
  private before: CounterValues | null = null;
  private nodeCpu = process.cpuUsage();
  private serverTicks: number | null = null;
  private readonly serverPid = mysqlServerPid();
  private loadBefore = 0;

  private constructor(private readonly counters: ServerCounters) {}

  static async open(databaseUrl: string, replica: SchedulerReplica): Promise<CostMeter> {
    const meter = new CostMeter(await ServerCounters.open(databaseUrl));
    const logger = replica.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      meter.count(query);
      return logQuery(query, parameters, runner);
    };
    return meter;
  }

  private count(query: string): void {
    const verb = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? '';
    this.client.statements += 1;
    if (verb === 'COMMIT') this.client.commits += 1;
    else if (verb === 'SELECT') this.client.selects += 1;
    else if (['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(verb)) this.client.writes += 1;
  }

  async begin(): Promise<void> {
    this.before = await this.counters.read();
    Object.assign(this.client, { statements: 0, commits: 0, selects: 0, writes: 0 });
    this.nodeCpu = process.cpuUsage();
    this.serverTicks = cpuTicks(this.serverPid);
    this.loadBefore = os.loadavg()[0];
  }

  async end(events: number): Promise<Row> {
    const cpu = process.cpuUsage(this.nodeCpu);
    const ticks = cpuTicks(this.serverPid);
    if (!this.before) throw new Error('CostMeter.end before begin');
    const server = difference(await this.counters.read(), this.before);
    const per = (value: number | null, digits = 3) => (value === null || events === 0 ? null : round(value / events, digits));
    return {
      'SQL/event': per(this.client.statements),
      'commits/event': per(this.client.commits),
      'server SQL/event': per(statements(server)),
      'server commits/event': per(server.Com_commit),
      'scheduler CPU µs/event': per(cpu.user + cpu.system, 0),
      'mariadbd CPU µs/event':
        ticks === null || this.serverTicks === null ? null : per(((ticks - this.serverTicks) / ticksPerSecond) * 1e6, 0),
      'load (1 min)': `${this.loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`,
    };
  }

  close(): Promise<void> {
    return this.counters.close();
  }
}

/** Passes of a scheduler running its own loop, from start to stop. */
class PassRecorder {
  readonly passes: TimerPass[] = [];

  constructor(private readonly replica: SchedulerReplica) {
    replica.scheduler.onPass((pass) => this.passes.push(pass));
  }

  get fired(): number {
    return this.passes.reduce((n, pass) => n + pass.transitions, 0);
  }

  start(): void {
    this.replica.scheduler.onApplicationBootstrap();
  }

  stop(): Promise<void> {
    return this.replica.scheduler.onModuleDestroy();
  }

  /** Waits until `events` have been fired or the deadline passes. */
  async until(events: number, deadline: number): Promise<void> {
    while (this.fired < events && Date.now() < deadline) await sleep(20);
  }
}

/** EXPLAIN of the claim at the on-time scenario's size, for the notes. */
let claimPlan = 'not measured';

async function dueOnTime(db: TimerDatabase, sizes: Sizes, databaseUrl: string): Promise<Row> {
  const { dataSource } = await db.connect();
  const now = Date.now();
  // background: normal (24 h) clocks started over the last 12 h and high (4 h) ones over the last
  // 2 h: every warning lies at least an hour ahead
  const normal = Math.round((sizes.background * 2) / 3);
  const high = sizes.background - normal;
  let timers = await insertClocks(dataSource, {
    tag: tag(),
    count: normal,
    priority: 'normal',
    firstStart: new Date(now - 12 * HOUR),
    stepMs: (12 * HOUR) / normal,
  });
  timers += await insertClocks(dataSource, {
    tag: tag(),
    count: high,
    priority: 'high',
    firstStart: new Date(now - 2 * HOUR),
    stepMs: (2 * HOUR) / high,
  });
  // urgent (1 h) clocks whose warnings (45 min in) come due evenly over the window, from 2 s on
  const windowStart = Date.now() + 2000;
  timers += await insertClocks(dataSource, {
    tag: tag(),
    count: sizes.soon,
    priority: 'urgent',
    firstStart: new Date(windowStart - 45 * MINUTE),
    stepMs: sizes.windowMs / sizes.soon,
  });

  // the claim's plan over every timer row, as the scheduler will run it (a range scan on the due index)
  const plan: Array<Record<string, unknown>> = await dataSource.query(`EXPLAIN ${CLAIM_DUE_TIMERS}`, [
    new Date(windowStart + sizes.windowMs),
    db.env.SLA_TIMER_BATCH_SIZE,
  ]);
  claimPlan = plan.map((row) => `type ${row.type}, key ${row.key}, rows ${row.rows}, ${row.Extra}`).join('; ');

  const replica = await db.replica(new SystemTimeSource());
  const recorder = new PassRecorder(replica);
  const meter = await CostMeter.open(databaseUrl, replica);
  await meter.begin();
  recorder.start();
  await recorder.until(sizes.soon, windowStart + sizes.windowMs + 30_000);
  await recorder.stop();
  const cost = await meter.end(recorder.fired);
  await meter.close();
  const fired = recorder.passes.filter((pass) => pass.transitions > 0);
  const lateness = fired.flatMap((pass) => pass.thresholds.map((threshold) => pass.committedAt.getTime() - threshold.getTime()));
  return {
    scenario: `${sizes.soon.toLocaleString('en')} due within ${sizes.windowMs / 1000} s`,
    clocks: sizes.background + sizes.soon,
    'timer rows': timers,
    'due timers': sizes.soon,
    'events fired': recorder.fired,
    'drain events/s': null,
    'first fire (ms)': fired.length ? round(fired[0].committedAt.getTime() - windowStart) : null,
    'lateness p50 (ms)': round(percentile(lateness, 50)),
    'lateness p99 (ms)': round(percentile(lateness, 99)),
    'lateness max (ms)': round(max(lateness)),
    passes: recorder.passes.length,
    ...cost,
  };
}

async function backlog(db: TimerDatabase, sizes: Sizes, clocksBefore: number, databaseUrl: string): Promise<Row> {
  const { dataSource } = await db.connect();
  const now = Date.now();
  // half the thresholds: warnings due 5 to 10 minutes ago (one per clock); the other half: breach
  // and first escalation due 5 to 10 minutes ago on clocks already warned (two per clock, one row)
  const warnings = Math.round(sizes.backlog / 2);
  const breaches = Math.round((sizes.backlog - warnings) / 2);
  await insertClocks(dataSource, {
    tag: tag(),
    count: warnings,
    priority: 'urgent',
    firstStart: new Date(now - 55 * MINUTE),
    stepMs: (5 * MINUTE) / warnings,
  });
  await insertClocks(dataSource, {
    tag: tag(),
    count: breaches,
    priority: 'urgent',
    firstStart: new Date(now - 70 * MINUTE),
    stepMs: (5 * MINUTE) / breaches,
    warned: true,
  });
  const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM sla_timer WHERE due_at <= ?', [new Date()]);
  const rows = Number(n);
  const due = warnings + 2 * breaches;

  const replica = await db.replica(new SystemTimeSource());
  const recorder = new PassRecorder(replica);
  const meter = await CostMeter.open(databaseUrl, replica);
  await meter.begin();
  const started = Date.now();
  recorder.start();
  await recorder.until(due, started + 300_000);
  await recorder.stop();
  const cost = await meter.end(recorder.fired);
  await meter.close();
  const fired = recorder.passes.filter((pass) => pass.transitions > 0);
  const last = fired.length ? fired[fired.length - 1].committedAt.getTime() : started;
  return {
    scenario: `backlog of ${due.toLocaleString('en')} due thresholds`,
    clocks: clocksBefore + warnings + breaches,
    'timer rows': rows,
    'due timers': due,
    'events fired': recorder.fired,
    'drain events/s': round(recorder.fired / ((last - started) / 1000)),
    'first fire (ms)': fired.length ? round(fired[0].committedAt.getTime() - started) : null,
    'lateness p50 (ms)': null,
    'lateness p99 (ms)': null,
    'lateness max (ms)': null,
    passes: recorder.passes.length,
    ...cost,
  };
}

export async function run(options: BenchOptions): Promise<BenchSection[]> {
  const sizes = options.quick ? QUICK : FULL;
  // the scheduler's settings as a deployment sets them (SLA_TIMER_BATCH_SIZE=2000 npm run bench …), else the defaults
  const settings = Object.fromEntries(
    ['SLA_TIMER_BATCH_SIZE', 'SLA_TIMER_CONCURRENCY', 'SLA_TIMER_POLL_INTERVAL_MS'].flatMap((name) =>
      process.env[name] ? [[name, process.env[name] as string]] : [],
    ),
  );
  const db = await TimerDatabase.create('benchsla', settings, options.databaseUrl);
  const cleanup = onCleanup(`drop ${db.database}`, () => db.drop());
  try {
    const onTime = await dueOnTime(db, sizes, options.databaseUrl);
    const drained = await backlog(db, sizes, Number(onTime.clocks), options.databaseUrl);
    return [
      {
        name: 'SLA scheduler',
        rows: [onTime, drained],
        notes: [
          `TimerScheduler with its real loop on a throw-away database (SLA_TIMER_BATCH_SIZE ${db.env.SLA_TIMER_BATCH_SIZE}, ` +
            `SLA_TIMER_CONCURRENCY ${db.env.SLA_TIMER_CONCURRENCY}, SLA_TIMER_POLL_INTERVAL_MS ${db.env.SLA_TIMER_POLL_INTERVAL_MS}); an event counts once its outbox row commits, no broker.`,
          'lateness = commit of the pass − threshold instant, per event; first fire: from the window start (on time) or the scheduler start (backlog).',
          `claim plan (EXPLAIN over ${onTime['timer rows']} timer rows): ${claimPlan}.`,
          "SQL/event, commits/event: what the scheduler's own connections sent (every statement, transaction control included) per fired event; " +
            'server SQL/event, server commits/event: SHOW GLOBAL STATUS deltas (Com_select + Com_insert + … and Com_commit), server-wide: other users of the server count too.',
          "CPU µs/event: this process (the scheduler; the bench's own polling is small) and the database server (server-wide) over the run, per fired event; " +
            "load: the 1-minute load average at start → end (on a shared machine, the rest is someone else's).",
          'targets (issue 9, 1,000,000 clocks): lateness p99 < 1000 ms; backlog ≥ 5,000 events/s, first fire < 1000 ms.',
        ],
      },
    ];
  } finally {
    await cleanup.run();
  }
}
