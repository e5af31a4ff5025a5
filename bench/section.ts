import type { CpuSpeedProbe } from './cpu-speed';
import type { ServiceNode } from './service-node';

/**
 * What one part of the bench reports. `npm run bench` (bench/main.ts) runs each part and prints
 * its rows as one table; the JSON file holds the same rows.
 */
export interface BenchSection {
  /** the table's title, e.g. "SLA scheduler" */
  name: string;
  /** one object a row; the keys are the table's columns, in order */
  rows: Array<Record<string, string | number | null>>;
  /** lines printed under the table (method, caveats) */
  notes?: string[];
}

export interface BenchOptions {
  /** CI's smoke run: everything small, the whole bench within 60 s */
  quick: boolean;
  /** MySQL server to use (each part creates and drops its own throw-away databases) */
  databaseUrl: string;
  /** the machine's CPU speed through the run (cpu-speed.ts), where bench/main.ts started the probe */
  cpuSpeed?: CpuSpeedProbe;
  /** the Node.js the platform's services run on (service-node.ts); the machine's when unset */
  serviceNode?: ServiceNode;
}

export type BenchPart = (options: BenchOptions) => Promise<BenchSection[]>;
