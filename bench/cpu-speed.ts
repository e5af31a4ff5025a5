/**
 * How fast the machine's CPU runs a fixed piece of work, once a second through the whole bench.
 *
 * On a shared virtual machine the same code can cost nearly twice the CPU time from one minute to
 * the next: the hypervisor's other tenants take the core's caches and memory bandwidth, or the
 * host lowers its clock, and none of that shows as steal in /proc/stat (0 % here while every
 * process, the load generator too, needed 1.3-1.6 times its CPU per ticket). Ceilings measured at
 * the start of a run are then a wrong yardstick for a step measured in a slow stretch, and CPU per
 * ticket compares between runs only at equal speed. So a probe, a process of its own, times two
 * fixed loops each second by the CPU time they took (not the wall time, so waiting for a busy
 * core does not count): integer arithmetic in registers (the core's clock and any time taken from
 * it unseen) and reads at random places of a 32 MB array (caches and memory, which neighbours
 * share). Each part of the bench and each pipeline step reads the median of its seconds, and
 * each diagnostic (profile-*.ts) that of its run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BenchSection } from './section';
import { percentile, round } from './stats';

/** million iterations of each loop per CPU-second, in one second of the run */
export interface SpeedReading {
  /** epoch ms when the reading was taken */
  at: number;
  /** the integer loop (registers only) */
  compute: number;
  /** the random reads over 32 MB */
  memory: number;
}

/** The median of the readings in a window, and how many there were. */
export interface SpeedSummary {
  compute: number | null;
  memory: number | null;
  readings: number;
}

const COMPUTE_ITERATIONS = 2_000_000;
const MEMORY_READS = 100_000;

/**
 * The probe, run as `node -e` in a process of its own: once a second both loops, each timed by
 * the process's CPU time, one line `at compute memory` on stdout. About 5 ms of CPU a second.
 */
export const PROBE_SCRIPT = `
const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
const table = new Int32Array(8 * 1024 * 1024).fill(1);
let sink = 0;
const compute = () => { let h = 2166136261; for (let i = 0; i < ${COMPUTE_ITERATIONS}; i += 1) { h ^= i; h = Math.imul(h, 16777619); } sink ^= h; };
const memory = () => { let at = 1, sum = 0; for (let i = 0; i < ${MEMORY_READS}; i += 1) { at = (Math.imul(at, 1664525) + 1013904223) | 0; sum += table[at & 0x7fffff]; } sink ^= sum; };
const rate = (work, count) => { const start = cpuUs(); work(); const used = cpuUs() - start; return used > 0 ? count / used : 0; };
for (let round = 0; round < 10; round += 1) { compute(); memory(); }
let ticks = 0;
setInterval(() => {
  // the first seconds' loops may still be tiering up in V8: not readings
  if ((ticks += 1) <= 2) return;
  const c = rate(compute, ${COMPUTE_ITERATIONS});
  const m = rate(memory, ${MEMORY_READS});
  process.stdout.write(Date.now() + ' ' + c.toFixed(1) + ' ' + m.toFixed(2) + '\\n');
}, 1000);
`;

/** One line of the probe's output; null for anything else. */
export function parseReading(line: string): SpeedReading | null {
  const [at, compute, memory] = line.trim().split(' ').map(Number);
  if (![at, compute, memory].every((value) => Number.isFinite(value) && value > 0)) return null;
  return { at, compute, memory };
}

/** The medians of the readings taken between `from` and `to` (epoch ms, inclusive). */
export function summarize(readings: readonly SpeedReading[], from: number, to: number): SpeedSummary {
  const within = readings.filter((reading) => reading.at >= from && reading.at <= to);
  return {
    compute: percentile(
      within.map((reading) => reading.compute),
      50,
    ),
    memory: percentile(
      within.map((reading) => reading.memory),
      50,
    ),
    readings: within.length,
  };
}

/** A summary as a table cell: "compute / memory" million loops per CPU-second, or null without readings. */
export function speedCell(summary: SpeedSummary): string | null {
  if (summary.compute === null || summary.memory === null) return null;
  return `${Math.round(summary.compute)} / ${summary.memory.toFixed(1)}`;
}

/** The wall-clock window (epoch ms) one part of the bench ran in. */
export interface PartWindow {
  part: string;
  from: number;
  to: number;
}

/** What the explanation under every table of speeds says. */
export const SPEED_NOTE =
  "CPU speed: a probe in a process of its own (bench/cpu-speed.ts) times two fixed loops once a second by the CPU time they took, in million iterations per CPU-second (median of the window): compute = integer arithmetic in registers, memory = reads at random places of a 32 MB array; a core that waits for memory shared with the VM's neighbours slows the second while the first stays put, and the services' CPU per ticket followed the second (bench/README.md, Method)";

/** One row per part: the median speeds in its window, and its memory speed against the first part's. */
export function speedSection(readings: readonly SpeedReading[], windows: readonly PartWindow[]): BenchSection {
  const summaries = windows.map((window) => ({ window, summary: summarize(readings, window.from, window.to) }));
  const first = summaries.find(({ summary }) => summary.memory !== null)?.summary.memory ?? null;
  return {
    name: 'Machine: CPU speed in each part',
    rows: summaries.map(({ window, summary }) => ({
      part: window.part,
      'compute M/CPU-s': round(summary.compute, 0),
      'memory M/CPU-s': round(summary.memory, 1),
      readings: summary.readings,
      'memory, % of the first part': first === null || summary.memory === null ? null : round((100 * summary.memory) / first, 0),
    })),
    notes: [
      SPEED_NOTE,
      'the first part is the ceilings in a full run: the ratios to the ceilings hold for the parts that ran at their speed; a part far below it ran on a slower machine than the one the ceilings measured',
    ],
  };
}

/**
 * The probe's process, for the whole run. Not one of cleanup.ts's undo steps (those run after
 * every part): it is killed by stop(), and however the bench's process exits.
 */
export class CpuSpeedProbe {
  readonly readings: SpeedReading[] = [];
  private stopped = false;
  private readonly kill = () => {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  };

  private constructor(private readonly child: ChildProcess) {
    // spawned with stdout piped: always there
    createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> }).on('line', (line) => {
      // a line still in the pipe when the probe was stopped is not a reading of the run
      const reading = this.stopped ? null : parseReading(line);
      if (reading) this.readings.push(reading);
    });
    // a probe that cannot run leaves the bench without readings, never without its results
    child.on('error', () => undefined);
    process.once('exit', this.kill);
  }

  /** Starts the probe; its first reading comes some three seconds later (its loops tier up first). */
  static start(): CpuSpeedProbe {
    return new CpuSpeedProbe(spawn(process.execPath, ['-e', PROBE_SCRIPT], { stdio: ['ignore', 'pipe', 'ignore'] }));
  }

  /** the probe's process, for the bench's process table: its CPU is the machine's too */
  get pid(): number | undefined {
    return this.child.pid;
  }

  summary(from: number, to: number): SpeedSummary {
    return summarize(this.readings, from, to);
  }

  stop(): void {
    this.stopped = true;
    process.removeListener('exit', this.kill);
    this.kill();
  }
}

/**
 * Runs one of the bench's diagnostics (profile-*.ts) with the probe beside it, and prints the
 * machine's speed over the run after its results: CPU per operation compares between two runs
 * of a diagnostic only at like speeds. The probe stops however the diagnostic ends.
 */
export async function withCpuSpeed(
  diagnostic: () => Promise<void>,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const probe = CpuSpeedProbe.start();
  const from = Date.now();
  try {
    await diagnostic();
  } finally {
    probe.stop();
    const cell = speedCell(probe.summary(from, Date.now()));
    print(
      cell === null
        ? "CPU speed (bench/cpu-speed.ts): no reading (the run took less than the probe's first three seconds)"
        : `CPU speed over the run (bench/cpu-speed.ts), compute / memory in million loops per CPU-second: ${cell}; compare CPU per operation only between runs at like memory speeds`,
    );
  }
}
