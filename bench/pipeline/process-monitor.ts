/**
 * CPU and memory of the processes under test, from /proc (Linux): CPU as a share of one core over
 * a window, and the largest resident set seen while sampling.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { nowMs } from '../stats';

export interface ProcessUsage {
  /** 100 = one core busy for the whole window */
  cpuPercent: number | null;
  /** CPU time (user + system) used in the window, all threads */
  cpuSeconds: number | null;
  /**
   * the part of cpuSeconds the main thread used (/proc/<pid>/task/<pid>/stat); for a Node.js
   * process the rest is its helper threads: V8's garbage collection (concurrent marking, parallel
   * scavenges), its compiler and libuv's pool
   */
  mainThreadCpuSeconds: number | null;
  maxRssMb: number | null;
  /**
   * time the process's main thread (a Node.js event loop) was ready to run but waited for a core,
   * as a share of the window (/proc/<pid>/schedstat): high values mean the machine, not the
   * process, set the pace
   */
  runQueueWaitPercent: number | null;
}

/** Nanoseconds the main thread has waited on a run queue so far (Linux schedstat), if known. */
export function runQueueWaitNs(pid: number): number | null {
  try {
    const [, waited] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    return Number(waited);
  } catch {
    return null;
  }
}

/** The kernel's clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
export let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // 100 on every Linux we run on
}

/** CPU ticks (user + system) of a process, from /proc; null where that cannot be read. */
export function cpuTicks(pid: number | null): number | null {
  return pid === null ? null : statTicks(`/proc/${pid}/stat`);
}

/** CPU seconds (user + system) a process has used so far, all threads; NaN where /proc cannot say. */
export function cpuSeconds(pid: number): number {
  return (cpuTicks(pid) ?? Number.NaN) / ticksPerSecond;
}

/** CPU ticks (user + system) of a process's main thread alone (its thread id is the process id). */
function mainThreadTicks(pid: number): number | null {
  return statTicks(`/proc/${pid}/task/${pid}/stat`);
}

function statTicks(file: string): number | null {
  try {
    const stat = readFileSync(file, 'utf8');
    // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export class ProcessMonitor {
  private readonly timer: NodeJS.Timeout;
  private window: {
    startedAt: number;
    ticks: Map<string, number | null>;
    mainTicks: Map<string, number | null>;
    waits: Map<string, number | null>;
    maxRss: Map<string, number>;
  } | null = null;

  constructor(readonly pids: Record<string, number>) {
    this.timer = setInterval(() => this.sampleMemory(), 250);
    this.timer.unref();
  }

  begin(): void {
    this.window = {
      startedAt: nowMs(),
      ticks: new Map(Object.entries(this.pids).map(([name, pid]) => [name, cpuTicks(pid)])),
      mainTicks: new Map(Object.entries(this.pids).map(([name, pid]) => [name, mainThreadTicks(pid)])),
      waits: new Map(Object.entries(this.pids).map(([name, pid]) => [name, runQueueWaitNs(pid)])),
      maxRss: new Map(),
    };
    this.sampleMemory();
  }

  end(): Record<string, ProcessUsage> {
    this.sampleMemory();
    const window = this.window;
    this.window = null;
    if (!window) return {};
    const seconds = (nowMs() - window.startedAt) / 1000;
    const usage: Record<string, ProcessUsage> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const before = window.ticks.get(name);
      const after = cpuTicks(pid);
      const mainBefore = window.mainTicks.get(name);
      const mainAfter = mainThreadTicks(pid);
      const waitedBefore = window.waits.get(name);
      const waitedAfter = runQueueWaitNs(pid);
      usage[name] = {
        runQueueWaitPercent:
          waitedBefore === null || waitedBefore === undefined || waitedAfter === null
            ? null
            : ((waitedAfter - waitedBefore) / 1e9 / seconds) * 100,
        cpuPercent: before === null || before === undefined || after === null ? null : ((after - before) / ticksPerSecond / seconds) * 100,
        cpuSeconds: before === null || before === undefined || after === null ? null : (after - before) / ticksPerSecond,
        mainThreadCpuSeconds:
          mainBefore === null || mainBefore === undefined || mainAfter === null ? null : (mainAfter - mainBefore) / ticksPerSecond,
        maxRssMb: window.maxRss.get(name) ?? null,
      };
    }
    return usage;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sampleMemory(): void {
    if (!this.window) return;
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = rssMb(pid);
      if (rss !== null && rss > (this.window.maxRss.get(name) ?? 0)) this.window.maxRss.set(name, rss);
    }
  }
}

let chosenServerPid: number | null = null;

/** Which server process to measure when the machine runs more than one (`--own-database`). */
export function measureMysqlServer(pid: number): void {
  chosenServerPid = pid;
}

/** The MySQL server's process on this machine, when there is one (its CPU is part of the cost). */
export function mysqlServerPid(): number | null {
  if (chosenServerPid !== null) return chosenServerPid;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    } catch {
      // gone
    }
  }
  return null;
}
