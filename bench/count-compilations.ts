/**
 * How often V8 compiled each service's functions with TurboFan, and how often it compiled one it
 * had compiled before, read from the services' output of a pipeline run made with
 * `--trace-opt --trace-gc`:
 *
 *   SERVICE_NODE_FLAGS='--trace-opt --trace-gc' BENCH_PIPELINE_RATES=300 npm run bench -- --only=pipeline
 *   npx ts-node --transpile-only bench/count-compilations.ts [bench/results/pipeline-services.log]
 *
 * A function is known by its SharedFunctionInfo's address (`sfi = 0x…`): every closure made from
 * one function literal shares it. A recompilation is a compilation of an sfi compiled before,
 * which on a busy service mostly follows a full collection (CONTRIBUTING.md, "Hot paths"). Unlike
 * CPU time on a shared machine, these counts repeat from run to run. Not part of `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatSection } from './table';

const LINE = /^\[([a-z-]+)\] (.*)$/;
const COMPILED = /completed compiling .*?sfi = (0x[0-9a-f]+)/;

export interface CompilationCounts {
  service: string;
  compilations: number;
  functions: number;
  recompilations: number;
  markCompacts: number;
  scavenges: number;
}

/** Per service (the `[name]` prefix the launcher puts on each line of output), in order of appearance. */
export function countCompilations(log: string): CompilationCounts[] {
  const services = new Map<string, CompilationCounts & { seen: Set<string> }>();
  for (const line of log.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, service, text] = match;
    let counts = services.get(service);
    if (!counts) {
      counts = { service, compilations: 0, functions: 0, recompilations: 0, markCompacts: 0, scavenges: 0, seen: new Set() };
      services.set(service, counts);
    }
    const compiled = COMPILED.exec(text);
    if (compiled) {
      counts.compilations += 1;
      if (counts.seen.has(compiled[1])) counts.recompilations += 1;
      else counts.seen.add(compiled[1]);
    } else if (text.includes(': Mark-Compact ')) counts.markCompacts += 1;
    else if (text.includes(': Scavenge ')) counts.scavenges += 1;
  }
  return [...services.values()].map(({ seen, ...counts }) => ({ ...counts, functions: seen.size }));
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, 'results', 'pipeline-services.log');
  const rows = countCompilations(readFileSync(file, 'utf8'));
  if (rows.every((row) => row.compilations === 0)) {
    console.error(`${file} has no --trace-opt output: run the pipeline with SERVICE_NODE_FLAGS='--trace-opt --trace-gc'`);
    process.exit(1);
  }
  console.log(
    formatSection({
      name: `TurboFan compilations per service (${path.relative(process.cwd(), file)})`,
      rows: rows.map((row) => ({
        service: row.service,
        compilations: row.compilations,
        functions: row.functions,
        recompilations: row.recompilations,
        'mark-compacts': row.markCompacts,
        scavenges: row.scavenges,
      })),
      notes: ['functions: distinct SharedFunctionInfos compiled; recompilations: compilations of one compiled before'],
    }),
  );
}
