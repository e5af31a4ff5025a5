/**
 * A step second by second: each process's CPU and the database server's InnoDB state, sampled once
 * a second, beside the latencies of the requests scheduled in that second. A p99 over a minute
 * says that some seconds were slow; this says which, and what the machine did in them: a process
 * at a whole core (its own work or its collector), every process idle while the server flushed
 * pages or waited for its log (checkpoint age near its maximum), or the disk itself not answering
 * (a probe's own write and fdatasync, ten a second, on a temporary file). Beside them, the whole
 * machine's CPU (its steal: the hypervisor running others) and what the server's connections were
 * doing (its process list), and, from the generator's records, what it sent and got back each second.
 */
import { parseDatabaseUrl } from '@support/persistence';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { nowMs, percentile } from '../stats';
import { cpuTicks, runQueueWaitNs, ticksPerSecond } from './process-monitor';
import { readStatus } from './server-counters';
import type { RequestRecord } from './load-protocol';

/** InnoDB's state: gauges as read, counters as a rate per second of the sample */
const GAUGES = [
  'Innodb_checkpoint_age',
  'Innodb_checkpoint_max_age',
  'Innodb_buffer_pool_pages_dirty',
  // free pages, and below the times a thread had to wait for one: a buffer pool starved of free pages stops its readers too
  'Innodb_buffer_pool_pages_free',
  'Innodb_history_list_length',
  // writes and fsyncs of its own files the server has asked its storage for and not yet had back
  // (MariaDB 10.11 leaves the page cleaner's batches out of these: InnoDB's status has those)
  'Innodb_data_pending_writes',
  'Innodb_data_pending_fsyncs',
];
const COUNTERS = [
  'Innodb_buffer_pool_pages_flushed',
  'Innodb_data_fsyncs',
  'Innodb_os_log_written',
  'Com_commit',
  'Innodb_row_lock_waits',
  // ms spent waiting for row locks, all connections: per second, how many were waiting on average (× 1,000)
  'Innodb_row_lock_time',
  'Innodb_buffer_pool_wait_free',
];

export interface TimelineSample {
  /** wall-clock ms when the sample was taken; it covers the second before */
  at: number;
  /** % of one core each process used in the second */
  cpu: Record<string, number | null>;
  /** % of the second each process's main thread waited for a core */
  cpuWait: Record<string, number | null>;
  /** the gauges as read and the counters per second */
  server: Record<string, number>;
  /** the longest of the disk probe's syncs in the second (one still running counts as far as it got) */
  diskSyncMaxMs: number | null;
  /** the whole machine's CPU in the second, % of all its cores (/proc/stat); absent off Linux */
  machine?: MachineCpu | null;
  /** what the server's connections were doing when the sample was taken (its process list) */
  serverThreads?: ServerThreads | null;
  /**
   * in a second in which the server committed under a quarter of the series' median so far: what
   * InnoDB's own status said of its pending I/O and of threads waiting on its latches (innodbStatusFacts)
   */
  innodb?: string[] | null;
}

/** The machine's CPU time in a second, % of all cores: busy, waiting for the disk, taken by the hypervisor. */
export interface MachineCpu {
  busy: number;
  iowait: number;
  /** time the hypervisor ran something else while this machine had work: the whole machine stalled */
  steal: number;
}

/** The server's connections that were not idle, by what each was doing, and the longest-running one. */
export interface ServerThreads {
  /** "command: state" (Query: Update, Query: Commit, ...) → connections */
  states: Record<string, number>;
  /** "command: state | the statement's first 40 characters" → connections: which statements were in each state */
  statements?: Record<string, number>;
  longest: { ms: number; state: string; statement: string } | null;
}

/** CPU ticks of the whole machine so far (/proc/stat's first line), null where it cannot be read. */
export function machineTicks(stat = readProcStat()): { busy: number; idle: number; iowait: number; steal: number } | null {
  const line = stat?.split('\n', 1)[0] ?? '';
  if (!line.startsWith('cpu ')) return null;
  // cpu user nice system idle iowait irq softirq steal (guest time is within user)
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  if (![user, nice, system, idle, iowait, irq, softirq].every(Number.isFinite)) return null;
  return { busy: user + nice + system + irq + softirq, idle, iowait, steal };
}

function readProcStat(): string | null {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
}

/** The share of all cores' time between two readings of machineTicks. */
export function machineCpu(before: ReturnType<typeof machineTicks>, after: ReturnType<typeof machineTicks>): MachineCpu | null {
  if (!before || !after) return null;
  const delta = (key: 'busy' | 'idle' | 'iowait' | 'steal') => after[key] - before[key];
  const total = delta('busy') + delta('idle') + delta('iowait') + delta('steal');
  if (total <= 0) return null;
  const share = (key: 'busy' | 'iowait' | 'steal') => (delta(key) / total) * 100;
  return { busy: share('busy'), iowait: share('iowait'), steal: share('steal') };
}

/**
 * The lines of `SHOW ENGINE INNODB STATUS` that say where a stalled server's work waits: its
 * pending reads, writes (LRU and flush list: the page cleaner's batches) and fsyncs, and the
 * threads waiting on one of its latches (SEMAPHORES), with where the first of them waits.
 */
export function innodbStatusFacts(status: string): string[] {
  const lines = status.split('\n').map((line) => line.trim());
  const facts = lines.filter((line) => /^Pending (flushes|reads|writes)\b/.test(line) || /pending (log flushes|chkp writes)/.test(line));
  const waits = lines.filter((line) => /^--Thread \d+ has waited at /.test(line));
  if (waits.length > 0) {
    const first = /has waited at (\S+ line \d+) for ([\d.]+) seconds/.exec(waits[0]);
    facts.push(`${waits.length} thread(s) waiting on a latch${first ? `, the first at ${first[1]} for ${first[2]} s` : ''}`);
  }
  return facts;
}

export interface ProcessListRow {
  command: string;
  state: string | null;
  ms: number | string | null;
  statement: string | null;
}

/** The process list's busy connections summed up by what they were doing (`ServerThreads`). */
export function summarizeProcessList(rows: readonly ProcessListRow[]): ServerThreads {
  const states: Record<string, number> = {};
  const statements: Record<string, number> = {};
  let longest: ServerThreads['longest'] = null;
  for (const row of rows) {
    const state = row.state ? `${row.command}: ${row.state}` : row.command;
    states[state] = (states[state] ?? 0) + 1;
    const statement = (row.statement ?? '').replace(/\s+/g, ' ');
    if (statement) {
      const key = `${state} | ${statement.slice(0, 40)}`;
      statements[key] = (statements[key] ?? 0) + 1;
    }
    const ms = Number(row.ms ?? 0);
    if (row.command === 'Query' && (longest === null || ms > longest.ms)) longest = { ms, state, statement: statement.slice(0, 60) };
  }
  return { states, statements, longest };
}

/**
 * The server's connections that were not idle, but the bench's own. A statement waiting for a row
 * lock keeps its stage in the process list (an UPDATE shows "Updating" or "Sending data" while it
 * waits), so InnoDB's transactions name those: state "row lock wait". MariaDB gives each one's
 * time in milliseconds (TIME_MS); MySQL only in seconds.
 */
const PROCESS_LIST = (milliseconds: boolean) =>
  `SELECT p.COMMAND AS command, IF(t.trx_state = 'LOCK WAIT', 'row lock wait', p.STATE) AS state,
          ${milliseconds ? 'p.TIME_MS' : 'p.TIME * 1000'} AS ms, LEFT(p.INFO, 80) AS statement
     FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
    WHERE p.COMMAND NOT IN ('Sleep', 'Daemon') AND p.ID <> CONNECTION_ID()`;

/**
 * The disk's own pace, apart from the database: a 4 KB write and fdatasync every 100 ms while a
 * step is sampled, on a file of the temporary directory (here the disk MariaDB writes to). When the server's fsyncs stop and
 * this probe's syncs take seconds too, the machine's storage stalled, not the platform.
 */
class DiskSyncProbe {
  private timer: NodeJS.Timeout | null = null;
  private readonly block = Buffer.alloc(4096, 1);
  private runningSince: number | null = null;
  private longest = 0;

  private constructor(
    private readonly directory: string,
    private readonly file: FileHandle,
  ) {}

  static async open(): Promise<DiskSyncProbe> {
    const directory = mkdtempSync(path.join(tmpdir(), 'bench-disk-'));
    return new DiskSyncProbe(directory, await open(path.join(directory, 'probe'), 'w'));
  }

  /** syncs ten a second from now on, the longest so far forgotten */
  start(): void {
    this.longest = 0;
    this.timer ??= setInterval(() => void this.probe(), 100);
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** the longest sync since the last call, counting one still running */
  takeLongest(): number {
    const running = this.runningSince === null ? 0 : nowMs() - this.runningSince;
    const longest = Math.max(this.longest, running);
    this.longest = 0;
    return longest;
  }

  async close(): Promise<void> {
    this.pause();
    await this.file.close().catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private async probe(): Promise<void> {
    if (this.runningSince !== null) return;
    const startedAt = nowMs();
    this.runningSince = startedAt;
    try {
      await this.file.write(this.block, 0, this.block.length, 0);
      await this.file.datasync();
    } catch {
      // closed while running: the bench is stopping
    } finally {
      this.longest = Math.max(this.longest, nowMs() - startedAt);
      this.runningSince = null;
    }
  }
}

/**
 * A read of the server that runs one at a time and is waited for at most `ms`: null when it takes
 * longer, and none starts again until that one ends (a stalled server may hold it for seconds).
 */
class BoundedRead<T> {
  private running: Promise<T | null> | null = null;

  constructor(
    private readonly read: () => Promise<T | null>,
    private readonly ms = 500,
  ) {}

  async next(): Promise<T | null> {
    if (this.running) return null;
    const reading = this.read();
    this.running = reading;
    void reading.finally(() => {
      if (this.running === reading) this.running = null;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.ms)));
    try {
      return await Promise.race([reading, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** a step under this median of commits a second is too idle to tell a stop */
const STOP_MIN_MEDIAN_COMMITS = 20;
/** a second under this share of the median's commits, with the machine under half busy, is a stop (`serverStops`) */
const STOP_COMMIT_SHARE = 1 / 4;

export class Timeline {
  private readonly samples: TimelineSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last: {
    at: number;
    ticks: Map<string, number | null>;
    waits: Map<string, number | null>;
    counters: Record<string, number>;
    machine: ReturnType<typeof machineTicks>;
  } | null = null;
  private reading = false;
  /** false once the server has said it has no TIME_MS (MySQL) */
  private processListInMs = true;

  /** the process list as the sample is taken (a server that stalls may hold its read for seconds) */
  private readonly serverThreads = new BoundedRead(() => this.readProcessList());
  /** InnoDB's status, on a connection of its own for the same reason */
  private readonly innodbStatus = new BoundedRead(() => this.readInnodbStatus());

  private constructor(
    private readonly connection: Connection,
    /** the process list's own connection, so that a read of it held up in the server never delays the counters */
    private readonly listConnection: Connection,
    /** InnoDB's status, read only in seconds that look stopped: a connection of its own, so that a process list held up does not hold it */
    private readonly statusConnection: Connection,
    private readonly disk: DiskSyncProbe,
    private readonly pids: Record<string, number>,
  ) {}

  static async open(databaseUrl: string, pids: Record<string, number>): Promise<Timeline> {
    const options = parseDatabaseUrl(databaseUrl);
    return new Timeline(
      await createConnection(options),
      await createConnection(options),
      await createConnection(options),
      await DiskSyncProbe.open(),
      pids,
    );
  }

  /** starts a new series (the last one is dropped) */
  async begin(): Promise<void> {
    this.samples.length = 0;
    this.last = await this.read();
    this.disk.start();
    this.timer ??= setInterval(() => void this.sample(), 1000);
  }

  /** stops sampling and returns the series */
  end(): TimelineSample[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.last = null;
    this.disk.pause();
    return [...this.samples];
  }

  async close(): Promise<void> {
    this.end();
    await this.disk.close();
    await this.connection.end();
    this.listConnection.destroy();
    this.statusConnection.destroy();
  }

  private async sample(): Promise<void> {
    if (this.reading || !this.last) return;
    this.reading = true;
    try {
      const now = await this.read();
      const before = this.last;
      if (!before) return;
      const seconds = (now.at - before.at) / 1000;
      const cpu: Record<string, number | null> = {};
      const cpuWait: Record<string, number | null> = {};
      for (const name of Object.keys(this.pids)) {
        const [t0, t1] = [before.ticks.get(name), now.ticks.get(name)];
        cpu[name] = t0 == null || t1 == null ? null : ((t1 - t0) / ticksPerSecond / seconds) * 100;
        const [w0, w1] = [before.waits.get(name), now.waits.get(name)];
        cpuWait[name] = w0 == null || w1 == null ? null : ((w1 - w0) / 1e9 / seconds) * 100;
      }
      const server: Record<string, number> = {};
      for (const name of GAUGES) server[name] = now.counters[name];
      for (const name of COUNTERS) server[`${name}/s`] = (now.counters[name] - before.counters[name]) / seconds;
      const serverThreads = await this.serverThreads.next();
      this.samples.push({
        at: now.at,
        cpu,
        cpuWait,
        server,
        diskSyncMaxMs: this.disk.takeLongest(),
        machine: machineCpu(before.machine, now.machine),
        serverThreads,
        innodb: this.looksStopped(server['Com_commit/s']) ? await this.innodbStatus.next() : null,
      });
      this.last = now;
    } catch {
      // a missed second: the next sample covers it
    } finally {
      this.reading = false;
    }
  }

  private async read() {
    const at = nowMs();
    const ticks = new Map(Object.entries(this.pids).map(([name, pid]) => [name, cpuTicks(pid)]));
    const waits = new Map(Object.entries(this.pids).map(([name, pid]) => [name, runQueueWaitNs(pid)]));
    const machine = machineTicks();
    const counters: Record<string, number> = await readStatus(this.connection, [...GAUGES, ...COUNTERS]);
    return { at, ticks, waits, counters, machine };
  }

  /**
   * a second that may be part of a stop (`serverStops`' wider commit test, against the series'
   * median so far, ten seconds in), while it is still going on: InnoDB's status is read then
   */
  private looksStopped(commits: number): boolean {
    if (this.samples.length < 10) return false;
    const median = percentile(
      this.samples.map((sample) => sample.server['Com_commit/s'] ?? 0),
      50,
    );
    return median !== null && median >= STOP_MIN_MEDIAN_COMMITS && commits < median * STOP_COMMIT_SHARE;
  }

  /** InnoDB's own status, its I/O and latch waits (innodbStatusFacts); null if the server will not give it */
  private readInnodbStatus(): Promise<string[] | null> {
    return this.statusConnection
      .query('SHOW ENGINE INNODB STATUS')
      .then(([rows]) => innodbStatusFacts(String((rows as Array<{ Status?: string }>)[0]?.Status ?? '')))
      .catch(() => null);
  }

  private async readProcessList(): Promise<ServerThreads | null> {
    try {
      const [rows] = await this.listConnection.query(PROCESS_LIST(this.processListInMs));
      return summarizeProcessList(rows as ProcessListRow[]);
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_BAD_FIELD_ERROR' && this.processListInMs) this.processListInMs = false;
      return null;
    }
  }
}

export interface SecondOfStep {
  /** seconds after the step's start (the scheduled sends of [second, second + 1)) */
  second: number;
  requests: number;
  httpP99Ms: number | null;
  clockP99Ms: number | null;
  /** requests the generator sent, and answers it got, in that second of wall-clock time (whenever scheduled) */
  sent: number;
  answered: number;
  /** the latest send of a request scheduled in that second, after its scheduled time */
  generatorLagMaxMs: number | null;
  /** the sample that covers most of that second of wall-clock time, if any */
  sample: TimelineSample | null;
}

/** Requests sent, answers received, by the second of wall-clock time after the step's start. */
function trafficBySecond(records: readonly RequestRecord[], stepStart: number) {
  const sent = new Map<number, number>();
  const answered = new Map<number, number>();
  const bump = (series: Map<number, number>, at: number) => {
    const second = Math.floor((at - stepStart) / 1000);
    series.set(second, (series.get(second) ?? 0) + 1);
  };
  for (const [, sentAt, answeredAt, status] of records) {
    bump(sent, sentAt);
    if (status > 0) bump(answered, answeredAt);
  }
  return { sent, answered };
}

/**
 * Latencies by the second their requests were scheduled in, each beside the sample of the same
 * wall-clock second and what the generator sent and got back in it. A stalled second shows in its
 * requests' latencies (counted from the schedule), in what the processes and the server did while
 * it lasted, and in whether the generator itself kept to its schedule.
 */
export function secondsOfStep(
  records: readonly RequestRecord[],
  clockAt: (ticketId: string) => number | undefined,
  stepStart: number,
  samples: readonly TimelineSample[],
): SecondOfStep[] {
  const http = new Map<number, number[]>();
  const clocks = new Map<number, number[]>();
  const lag = new Map<number, number>();
  const add = (series: Map<number, number[]>, second: number, value: number) => {
    const values = series.get(second);
    if (values) values.push(value);
    else series.set(second, [value]);
  };
  for (const [scheduledAt, sentAt, answeredAt, status, ticketId] of records) {
    const second = Math.floor((scheduledAt - stepStart) / 1000);
    if (status > 0) add(http, second, answeredAt - scheduledAt);
    const clock = ticketId ? clockAt(ticketId) : undefined;
    if (clock !== undefined) add(clocks, second, clock - scheduledAt);
    lag.set(second, Math.max(lag.get(second) ?? 0, sentAt - scheduledAt));
  }
  const traffic = trafficBySecond(records, stepStart);
  const seconds = [...new Set([...http.keys(), ...clocks.keys()])].sort((a, b) => a - b);
  return seconds.map((second) => {
    const end = stepStart + (second + 1) * 1000;
    // the sample whose second (the one before its time) overlaps this one most
    let sample: TimelineSample | null = null;
    for (const candidate of samples)
      if (Math.abs(candidate.at - end) < 1000 && (sample === null || Math.abs(candidate.at - end) < Math.abs(sample.at - end)))
        sample = candidate;
    return {
      second,
      requests: http.get(second)?.length ?? 0,
      httpP99Ms: percentile(http.get(second) ?? [], 99),
      clockP99Ms: percentile(clocks.get(second) ?? [], 99),
      sent: traffic.sent.get(second) ?? 0,
      answered: traffic.answered.get(second) ?? 0,
      generatorLagMaxMs: lag.get(second) ?? null,
      sample,
    };
  });
}

/** Seconds of a step in which the database server all but stopped committing (`serverStops`). */
export interface ServerStop {
  /** the first and the last second of the stop, counted from the step's start */
  from: number;
  to: number;
  /** InnoDB's checkpoint age in those seconds, lowest and highest, % of its maximum */
  checkpointAgePercent: [number, number] | null;
  /** the most the server's process used of one core in any of those seconds, % */
  serverCpuMax: number | null;
  /** the disk probe's longest write + fdatasync in those seconds */
  diskSyncMaxMs: number | null;
  /** the most writes and fsyncs of its own files the server was still waiting for when a second of the stop was sampled */
  pendingWritesMax: number | null;
  pendingFsyncsMax: number | null;
  /** requests the generator sent and answers it got in those seconds (null: no records given) */
  sent: number | null;
  answered: number | null;
  /** the whole machine in those seconds, highest: busy and stolen by the hypervisor, % of all cores */
  machineBusyMax: number | null;
  stealMax: number | null;
  /** the server's busy connections by what they were doing, summed over the stop's samples, and the longest-running one */
  serverThreads: ServerThreads | null;
  /** what InnoDB's status said in the stop's seconds (its first reading there) */
  innodb: string[] | null;
}

/** A sample covers the second before it was taken: those whose middle is in the sending period, not in the drain. */
const whileSending = (samples: readonly TimelineSample[], stepStart: number, stepEnd: number) =>
  samples.filter((sample) => sample.at - 500 > stepStart && sample.at - 500 < stepEnd);

/**
 * The seconds of a step, while it was sending, in which InnoDB's checkpoint age was at 7/8 of its
 * maximum or more: from there InnoDB flushes pages as fast as `innodb_io_capacity_max` lets it, and at
 * the maximum a transaction that writes waits for that flushing. Null when the server gives no age.
 */
export function secondsAtCheckpointLimit(samples: readonly TimelineSample[], stepStart: number, stepEnd: number): number | null {
  const sending = whileSending(samples, stepStart, stepEnd);
  const aged = sending.filter((sample) => sample.server['Innodb_checkpoint_max_age'] > 0);
  if (aged.length === 0) return null;
  return aged.filter((sample) => sample.server['Innodb_checkpoint_age'] >= (sample.server['Innodb_checkpoint_max_age'] * 7) / 8).length;
}

/**
 * The seconds, while a step was sending, in which the server committed less than a tenth of the
 * step's median commits a second and itself used at most a quarter of a core, or less than a
 * quarter of that median while the whole machine was under half busy: the platform kept sending,
 * so it was the server that stopped. Beside each stop, InnoDB's checkpoint age and the disk
 * probe tell why: a stop at the checkpoint limit with the disk answering in milliseconds is InnoDB's
 * page flushing at that limit (bench/README.md); one in which the probe's sync took seconds too is
 * the machine's storage. With `records`, each stop also counts what the generator sent and got
 * back in it (one in which it sent nothing is the generator's, not the server's); the samples add
 * the machine's CPU (its steal: a paused machine) and the server's connections by state, which
 * tell where a stop away from that limit waited (one seen at 57 %, before they were read). A step
 * whose median is under 20 commits a second is too idle to tell.
 */
export function serverStops(
  samples: readonly TimelineSample[],
  stepStart: number,
  stepEnd: number,
  records: readonly RequestRecord[] | null = null,
  server = 'mariadbd',
): ServerStop[] {
  const traffic = records ? trafficBySecond(records, stepStart) : null;
  const sending = whileSending(samples, stepStart, stepEnd);
  const commits = (sample: TimelineSample) => sample.server['Com_commit/s'] ?? 0;
  const typical = percentile(sending.map(commits), 50) ?? 0;
  if (typical < STOP_MIN_MEDIAN_COMMITS) return [];
  const stops: ServerStop[] = [];
  let current: ServerStop | null = null;
  for (const sample of sending) {
    const cpu = sample.cpu[server] ?? null;
    // or the whole machine fell under half busy while the server committed under a quarter of its
    // median: with the platform keeping the machine busy, everything waited on the server
    const stopped =
      (commits(sample) < typical / 10 && (cpu === null || cpu <= 25)) ||
      (sample.machine != null && sample.machine.busy < 50 && commits(sample) < typical * STOP_COMMIT_SHARE);
    if (!stopped) {
      current = null;
      continue;
    }
    const second = Math.round((sample.at - stepStart) / 1000) - 1;
    const maxAge = sample.server['Innodb_checkpoint_max_age'];
    const age = maxAge ? (sample.server['Innodb_checkpoint_age'] / maxAge) * 100 : null;
    if (!current) {
      current = {
        from: second,
        to: second,
        checkpointAgePercent: null,
        serverCpuMax: null,
        diskSyncMaxMs: null,
        pendingWritesMax: null,
        pendingFsyncsMax: null,
        sent: traffic ? 0 : null,
        answered: traffic ? 0 : null,
        machineBusyMax: null,
        stealMax: null,
        serverThreads: null,
        innodb: null,
      };
      stops.push(current);
    }
    current.to = second;
    if (age !== null)
      current.checkpointAgePercent = current.checkpointAgePercent
        ? [Math.min(current.checkpointAgePercent[0], age), Math.max(current.checkpointAgePercent[1], age)]
        : [age, age];
    if (cpu !== null) current.serverCpuMax = Math.max(current.serverCpuMax ?? 0, cpu);
    if (sample.diskSyncMaxMs !== null) current.diskSyncMaxMs = Math.max(current.diskSyncMaxMs ?? 0, sample.diskSyncMaxMs);
    // a server without these counters reads NaN (readStatus): such a stop names none
    const pendingWrites = sample.server['Innodb_data_pending_writes'];
    if (Number.isFinite(pendingWrites)) current.pendingWritesMax = Math.max(current.pendingWritesMax ?? 0, pendingWrites);
    const pendingFsyncs = sample.server['Innodb_data_pending_fsyncs'];
    if (Number.isFinite(pendingFsyncs)) current.pendingFsyncsMax = Math.max(current.pendingFsyncsMax ?? 0, pendingFsyncs);
    if (traffic) {
      current.sent = (current.sent ?? 0) + (traffic.sent.get(second) ?? 0);
      current.answered = (current.answered ?? 0) + (traffic.answered.get(second) ?? 0);
    }
    if (sample.machine) {
      current.machineBusyMax = Math.max(current.machineBusyMax ?? 0, sample.machine.busy);
      current.stealMax = Math.max(current.stealMax ?? 0, sample.machine.steal);
    }
    if (sample.serverThreads) current.serverThreads = mergeThreads(current.serverThreads, sample.serverThreads);
    if (sample.innodb && !current.innodb) current.innodb = sample.innodb;
  }
  return stops;
}

function mergeThreads(sum: ServerThreads | null, more: ServerThreads): ServerThreads {
  if (!sum) return { states: { ...more.states }, statements: { ...more.statements }, longest: more.longest };
  for (const [state, count] of Object.entries(more.states)) sum.states[state] = (sum.states[state] ?? 0) + count;
  sum.statements ??= {};
  for (const [key, count] of Object.entries(more.statements ?? {})) sum.statements[key] = (sum.statements[key] ?? 0) + count;
  if (more.longest && (!sum.longest || more.longest.ms > sum.longest.ms)) sum.longest = more.longest;
  return sum;
}

/** "connections 12 Query: Update, 3 Query: Commit; longest …" (the three most common), or "no connection busy" */
function describeThreads(threads: ServerThreads): string {
  const states = Object.entries(threads.states).sort((a, b) => b[1] - a[1]);
  if (states.length === 0) return 'no connection busy';
  const listed = states
    .slice(0, 3)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
  const longest = threads.longest
    ? `; longest ${Math.round(threads.longest.ms)} ms in ${threads.longest.state}: ${threads.longest.statement}`
    : '';
  return `connections ${listed}${longest}`;
}

/** One stop in words, for a table cell: "seconds 43–45 (checkpoint age 93–96 %, server ≤ 4 % CPU, disk sync ≤ 4 ms)". */
export function describeServerStop(stop: ServerStop): string {
  const seconds = stop.from === stop.to ? `second ${stop.from}` : `seconds ${stop.from}–${stop.to}`;
  const facts: string[] = [];
  if (stop.checkpointAgePercent) {
    const [low, high] = stop.checkpointAgePercent.map(Math.round);
    facts.push(`checkpoint age ${low === high ? low : `${low}–${high}`} %`);
  }
  if (stop.serverCpuMax !== null) facts.push(`server ≤ ${Math.round(stop.serverCpuMax)} % CPU`);
  if (stop.diskSyncMaxMs !== null) facts.push(`disk sync ≤ ${Math.round(stop.diskSyncMaxMs)} ms`);
  // named only when the counters saw one: in 10.11 they leave out the page cleaner's batches,
  // which InnoDB's status (below) counts ("Pending writes: … flush list 128")
  if ((stop.pendingWritesMax ?? 0) > 0 || (stop.pendingFsyncsMax ?? 0) > 0)
    facts.push(`server's writes pending ≤ ${stop.pendingWritesMax ?? '-'}, fsyncs pending ≤ ${stop.pendingFsyncsMax ?? '-'}`);
  if (stop.sent !== null) facts.push(`generator sent ${stop.sent}, answered ${stop.answered}`);
  if (stop.machineBusyMax !== null)
    facts.push(`machine ≤ ${Math.round(stop.machineBusyMax)} % busy, steal ≤ ${Math.round(stop.stealMax ?? 0)} %`);
  if (stop.serverThreads) facts.push(describeThreads(stop.serverThreads));
  if (stop.innodb?.length) facts.push(`InnoDB: ${stop.innodb.join('; ')}`);
  return facts.length ? `${seconds} (${facts.join(', ')})` : seconds;
}
