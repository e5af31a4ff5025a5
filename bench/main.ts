/**
 * `npm run bench` (`-- --quick` for CI's smoke run, the whole bench within 60 s): runs each part,
 * prints its sections as text tables and writes them, with the machine they ran on, to
 * bench/results/latest.json and a timestamped copy. Never part of CI's pass/fail.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run as ceilings } from './ceilings';
import { cleanUpEverything } from './cleanup';
import { CpuSpeedProbe, speedSection, type PartWindow } from './cpu-speed';
import { describeMachine } from './machine';
import { startOwnDatabase, type OwnDatabase } from './own-database';
import { run as pipeline } from './pipeline';
import { measureMysqlServer } from './pipeline/process-monitor';
import { run as scheduler } from './scheduler';
import { run as search } from './search';
import { resolveServiceNode } from './service-node';
import type { BenchOptions, BenchPart, BenchSection } from './section';
import { formatSection } from './table';

// ---- the parts, run in this order ------------------------------------------------------------
// Add a part with one import line above (`import { run as scheduler } from './scheduler';`) and
// its name here. Ceilings come first: the other figures are read as ratios of them.
const PARTS: Array<[name: string, part: BenchPart]> = [
  ['ceilings', ceilings],
  ['pipeline', pipeline],
  ['search', search],
  ['scheduler', scheduler],
];
// -----------------------------------------------------------------------------------------------

const RESULTS_DIR = path.join(__dirname, 'results');

function parseArguments(argv: string[]): { quick: boolean; only: string[]; ownDatabase: boolean } {
  const only: string[] = [];
  let quick = false;
  let ownDatabase = false;
  for (const argument of argv) {
    if (argument === '--quick') quick = true;
    else if (argument === '--own-database') ownDatabase = true;
    else if (argument.startsWith('--only=')) only.push(...argument.slice('--only='.length).split(','));
    else if (argument === '--help' || argument === '-h') {
      process.stdout.write(`usage: npm run bench [-- --quick] [-- --own-database] [-- --only=${PARTS.map(([name]) => name).join(',')}]\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${argument} (try --help)`);
  }
  for (const name of only) if (!PARTS.some(([part]) => part === name)) throw new Error(`no part named ${name}`);
  return { quick, only, ownDatabase };
}

/** `--own-database`: the server the bench started (own-database.ts); stopped however the bench ends */
let ownDatabase: OwnDatabase | undefined;

async function main(): Promise<number> {
  const { quick, only, ownDatabase: wantsOwnDatabase } = parseArguments(process.argv.slice(2));
  if (wantsOwnDatabase) {
    ownDatabase = await startOwnDatabase((line) => process.stdout.write(`${line}\n`));
    measureMysqlServer(ownDatabase.pid);
  }
  const databaseUrl = ownDatabase?.url ?? (process.env['DATABASE_URL'] || 'mysql://root@127.0.0.1:3306');
  const machine = await describeMachine(databaseUrl);
  // only the pipeline starts the services; fetched before any part, so no part's window holds the download
  const serviceNode =
    only.length === 0 || only.includes('pipeline')
      ? resolveServiceNode(process.env, (line) => process.stdout.write(`${line}\n`))
      : undefined;
  // before the first part, so that each part has readings from its first seconds
  const cpuSpeed = CpuSpeedProbe.start();
  const options: BenchOptions = { quick, databaseUrl, cpuSpeed, serviceNode };
  const started = Date.now();
  const services = serviceNode ? ` (services: node ${serviceNode.version}, ${serviceNode.source})` : '';
  process.stdout.write(
    `bench${quick ? ' --quick' : ''}: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, node ${machine.node}${services}, ` +
      `${machine.mysqlServer}, commit ${machine.gitCommit.slice(0, 12)}${machine.gitDirtyFiles ? ` (+${machine.gitDirtyFiles} changed files)` : ''}\n\n`,
  );

  const sections: BenchSection[] = [];
  const failures: Array<{ part: string; error: string }> = [];
  const windows: PartWindow[] = [];
  for (const [name, part] of PARTS) {
    if (only.length > 0 && !only.includes(name)) continue;
    const partStarted = Date.now();
    try {
      for (const section of await part(options)) {
        sections.push(section);
        process.stdout.write(`${formatSection(section)}\n\n`);
      }
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      failures.push({ part: name, error: message });
      process.stdout.write(`== ${name}: FAILED\n${message}\n\n`);
    } finally {
      // whatever a failed part left behind goes before the next part starts
      await cleanUpEverything();
    }
    process.stdout.write(`(${name}: ${((Date.now() - partStarted) / 1000).toFixed(1)} s)\n\n`);
    windows.push({ part: name, from: partStarted, to: Date.now() });
  }
  const speed = speedSection(cpuSpeed.readings, windows);
  sections.push(speed);
  process.stdout.write(`${formatSection(speed)}\n\n`);
  cpuSpeed.stop();

  const seconds = (Date.now() - started) / 1000;
  const report = {
    machine,
    serviceNode: serviceNode && { version: serviceNode.version, source: serviceNode.source },
    quick,
    ownDatabase: wantsOwnDatabase,
    durationSeconds: Math.round(seconds * 10) / 10,
    sections,
    failures,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = machine.date.replace(/[:.]/g, '-');
  // runs on another server, or quick ones, never replace the latest full run on the usual one
  const kind = `${quick ? '-quick' : ''}${wantsOwnDatabase ? '-own-database' : ''}`;
  writeFileSync(path.join(RESULTS_DIR, `${stamp}${kind}.json`), json);
  writeFileSync(path.join(RESULTS_DIR, `latest${kind}.json`), json);
  process.stdout.write(
    `bench finished in ${seconds.toFixed(1)} s; ${failures.length ? `${failures.length} part(s) FAILED; ` : ''}` +
      `results in ${path.relative(process.cwd(), RESULTS_DIR)}/latest${kind}.json\n`,
  );
  return failures.length ? 1 : 0;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130); // a second Ctrl-C: stop waiting for the cleanup
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping what the bench started...\n`);
    void cleanUpEverything()
      .then(() => ownDatabase?.stop())
      .finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUpEverything();
    await ownDatabase?.stop();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    await cleanUpEverything();
    await ownDatabase?.stop();
    process.exit(1);
  });
