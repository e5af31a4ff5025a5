/**
 * `npm run bench -- --own-database`: the bench starts a throw-away MariaDB server of its own, from
 * this machine's binaries, sized as `deploy/compose.yaml` sizes the deployment's database (its
 * InnoDB buffer pool and redo log, read from that file), and runs every part against it instead
 * of the server at `DATABASE_URL`. The ceilings are measured on the same server, so every ratio
 * still compares like with like.
 *
 * Why: a machine's own server usually keeps its package's defaults (128 MB of buffer pool, a 96 MB
 * redo log). At a few hundred tickets a second the platform fills such a log in seconds, and InnoDB
 * then flushes pages at its checkpoint limit, where the platform's latency follows its flushing
 * and where the server has stopped for seconds at a time (bench/README.md). Run both ways, the
 * bench tells what the platform does on the machine's server as it is and on one configured as
 * deployed.
 *
 * The server listens on 127.0.0.1 only, on a free port, with its data directory, socket and log in a
 * new temporary directory; `stop()` kills it (nothing in it is kept) and removes the directory.
 *
 * `BENCH_OWN_DATABASE_OPTIONS` (diagnosis): more `mariadbd` options, separated by spaces, after the
 * sizes (so they win over them), e.g. the machine's sizes and InnoDB's I/O without io_uring:
 * `--innodb-buffer-pool-size=128M --innodb-log-file-size=96M --innodb-use-native-aio=0`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@support/testing-core';
import { createConnection } from 'mysql2/promise';
import { dashedOptions } from '../tools/launcher/service-runtime';

export interface OwnDatabase {
  url: string;
  pid: number;
  /** kills it (nothing in it is kept) and removes its directory */
  stop(): Promise<void>;
}

const COMPOSE_FILE = path.join(__dirname, '..', 'deploy', 'compose.yaml');

/** InnoDB's sizes from the MySQL service's command in deploy/compose.yaml, as MariaDB's options. */
export function deploySizes(composeText: string): { bufferPool: string; redoLog: string } {
  // YAML comments may quote other sizes: only what the file sets counts
  const settings = composeText.replace(/(^|\s)#.*$/gm, '$1');
  const option = (name: string) => {
    const match = new RegExp(`--${name}=(\\d+[KMG]?)\\b`).exec(settings);
    if (!match) throw new Error(`deploy/compose.yaml: no --${name}=SIZE in the database's command`);
    return match[1];
  };
  // MySQL 8 sizes its redo log with innodb_redo_log_capacity; MariaDB's one log file is the same capacity
  return { bufferPool: option('innodb-buffer-pool-size'), redoLog: option('innodb-redo-log-capacity') };
}

/** BENCH_OWN_DATABASE_OPTIONS: the extra `mariadbd` options; each must start with `--`. */
export function extraServerOptions(env: NodeJS.ProcessEnv): string[] {
  return dashedOptions(
    env['BENCH_OWN_DATABASE_OPTIONS'],
    (stray) => `BENCH_OWN_DATABASE_OPTIONS: "${stray}" is not a server option (each starts with --)`,
  );
}

function findBinary(name: string): string {
  for (const directory of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', ...(process.env['PATH'] ?? '').split(':')]) {
    const candidate = path.join(directory, name);
    if (directory && existsSync(candidate)) return candidate;
  }
  throw new Error(`--own-database: ${name} is not installed here (it needs MariaDB's server package)`);
}

/** Starts the server; `sizes` default to deploy/compose.yaml's (tests pass small ones: the redo log takes its size on disk at once). */
export async function startOwnDatabase(
  log: (line: string) => void,
  sizes: { bufferPool: string; redoLog: string } = deploySizes(readFileSync(COMPOSE_FILE, 'utf8')),
): Promise<OwnDatabase> {
  const { bufferPool, redoLog } = sizes;
  const server = findBinary('mariadbd');
  const installer = findBinary('mariadb-install-db');
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-mariadb-'));
  const dataDirectory = path.join(directory, 'data');
  const user = os.userInfo().username;
  let child: ChildProcess | undefined;
  const stop = async () => {
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL'); // nothing in it is kept: no clean shutdown to wait for
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    execFileSync(
      installer,
      ['--no-defaults', `--datadir=${dataDirectory}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const port = await freePort();
    // the machine's server's character set; the sizes are deploy's, everything else the server's defaults
    const settings = [`--innodb-buffer-pool-size=${bufferPool}`, `--innodb-log-file-size=${redoLog}`, ...extraServerOptions(process.env)];
    child = spawn(
      server,
      [
        '--no-defaults',
        `--datadir=${dataDirectory}`,
        `--socket=${path.join(directory, 'mysqld.sock')}`,
        `--pid-file=${path.join(directory, 'mysqld.pid')}`,
        `--log-error=${path.join(directory, 'error.log')}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        `--user=${user}`,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_general_ci',
        ...settings,
      ],
      { stdio: 'ignore' },
    );
    const url = `mysql://root@127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        let errorLog = '';
        try {
          errorLog = readFileSync(path.join(directory, 'error.log'), 'utf8').slice(-2000);
        } catch {
          // it stopped before writing its log
        }
        throw new Error(`--own-database: mariadbd exited (${child.exitCode ?? child.signalCode}): ${errorLog}`);
      }
      try {
        const connection = await createConnection({ host: '127.0.0.1', port, user: 'root' });
        await connection.end();
        break;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`--own-database: mariadbd did not accept connections within 60 s (${(error as Error).message})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    log(`own database: mariadbd ${settings.join(' ')} on ${url}, data in ${directory}`);
    return { url, pid: child.pid as number, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
