/**
 * A step second by second: each process's CPU and the database server's InnoDB state, sampled once
 * a second, beside the latencies of the requests scheduled in that second. A p99 over a minute
 * says that some seconds were slow; this says which, and what the machine did in them: a process
 * at a whole core (its own work or its collector), or every process idle while the server
 * flushed pages or waited for its log (checkpoint age near its maximum).
 */
import { parseDatabaseUrl } from '@support/persistence';
import { createConnection, type Connection } from 'mysql2/promise';
import { percentile } from '../stats';
import { cpuTicks, runQueueWaitNs, ticksPerSecond } from './process-monitor';
import type { RequestRecord } from './load-protocol';

/** InnoDB's state: gauges as read, counters as a rate per second of the sample */
const GAUGES = ['Innodb_checkpoint_age', 'Innodb_checkpoint_max_age', 'Innodb_buffer_pool_pages_dirty', 'Innodb_history_list_length'];
const COUNTERS = ['Innodb_buffer_pool_pages_flushed', 'Innodb_data_fsyncs', 'Innodb_os_log_written', 'Com_commit', 'Innodb_row_lock_waits'];

export interface TimelineSample {
  /** wall-clock ms when the sample was taken; it covers the second before */
  at: number;
  /** % of one core each process used in the second */
  cpu: Record<string, number | null>;
  /** % of the second each process's main thread waited for a core */
  cpuWait: Record<string, number | null>;
  /** the gauges as read and the counters per second */
  server: Record<string, number>;
}

export class Timeline {
  private readonly samples: TimelineSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last: {
    at: number;
    ticks: Map<string, number | null>;
    waits: Map<string, number | null>;
    counters: Record<string, number>;
  } | null = null;
  private reading = false;

  private constructor(
    private readonly connection: Connection,
    private readonly pids: Record<string, number>,
  ) {}

  static async open(databaseUrl: string, pids: Record<string, number>): Promise<Timeline> {
    return new Timeline(await createConnection(parseDatabaseUrl(databaseUrl)), pids);
  }

  /** starts a new series (the last one is dropped) */
  async begin(): Promise<void> {
    this.samples.length = 0;
    this.last = await this.read();
    this.timer ??= setInterval(() => void this.sample(), 1000);
  }

  /** stops sampling and returns the series */
  end(): TimelineSample[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.last = null;
    return [...this.samples];
  }

  async close(): Promise<void> {
    this.end();
    await this.connection.end();
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
      this.samples.push({ at: now.at, cpu, cpuWait, server });
      this.last = now;
    } catch {
      // a missed second: the next sample covers it
    } finally {
      this.reading = false;
    }
  }

  private async read() {
    const at = performance.timeOrigin + performance.now();
    const ticks = new Map(Object.entries(this.pids).map(([name, pid]) => [name, cpuTicks(pid)]));
    const waits = new Map(Object.entries(this.pids).map(([name, pid]) => [name, runQueueWaitNs(pid)]));
    const names = [...GAUGES, ...COUNTERS];
    const [rows] = await this.connection.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${names.map(() => '?').join(', ')})`, names);
    const counters: Record<string, number> = Object.fromEntries(names.map((name) => [name, Number.NaN]));
    for (const row of rows as Array<{ Variable_name: string; Value: string }>) {
      const name = names.find((candidate) => candidate.toLowerCase() === row.Variable_name.toLowerCase());
      if (name) counters[name] = Number(row.Value);
    }
    return { at, ticks, waits, counters };
  }
}

export interface SecondOfStep {
  /** seconds after the step's start (the scheduled sends of [second, second + 1)) */
  second: number;
  requests: number;
  httpP99Ms: number | null;
  clockP99Ms: number | null;
  /** the sample that covers most of that second of wall-clock time, if any */
  sample: TimelineSample | null;
}

/**
 * Latencies by the second their requests were scheduled in, each beside the sample of the same
 * wall-clock second. A stalled second shows in its requests' latencies (counted from the schedule)
 * and in what the processes and the server did while it lasted.
 */
export function secondsOfStep(
  records: readonly RequestRecord[],
  clockAt: (ticketId: string) => number | undefined,
  stepStart: number,
  samples: readonly TimelineSample[],
): SecondOfStep[] {
  const http = new Map<number, number[]>();
  const clocks = new Map<number, number[]>();
  const add = (series: Map<number, number[]>, second: number, value: number) => {
    const values = series.get(second);
    if (values) values.push(value);
    else series.set(second, [value]);
  };
  for (const [scheduledAt, , answeredAt, status, ticketId] of records) {
    const second = Math.floor((scheduledAt - stepStart) / 1000);
    if (status > 0) add(http, second, answeredAt - scheduledAt);
    const clock = ticketId ? clockAt(ticketId) : undefined;
    if (clock !== undefined) add(clocks, second, clock - scheduledAt);
  }
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
      sample,
    };
  });
}
