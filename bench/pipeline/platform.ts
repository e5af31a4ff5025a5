/**
 * The platform under test, started the way `npm start` starts it (tools/launcher: the development
 * broker, migrations, the help center's seed content, four services as separate processes) under a
 * throw-away database prefix, on free ports, with the process ids the bench watches. The services
 * run compiled (SERVICE_RUNTIME=compiled), as in the images.
 */
import { dropDatabasesWithPrefix, freePort, throwawayPrefix } from '@support/testing-core';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { LaunchedPlatform } from '../../tools/launcher/launcher';
import { onCleanup } from '../cleanup';
import { mysqlServerPid } from './process-monitor';

export const SERVICE_NAMES = ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface PlatformUnderTest {
  urls: Record<ServiceName, string>;
  brokers: string;
  secret: string;
  /** ticketing's database (its ticket table counts what the platform accepted) */
  ticketingDatabase: string;
  /** every process whose CPU and memory the bench reports, by a display name */
  pids: Record<string, number>;
  /** resolves with a service's name when it exits on its own */
  crashed: Promise<string>;
  /** the services' last output lines, for a failure message */
  recentOutput(): string[];
  stop(): Promise<void>;
}

const PORT_VARIABLES: Record<ServiceName, string> = {
  ticketing: 'TICKETING_PORT',
  entitlements: 'ENTITLEMENTS_PORT',
  'sla-escalation': 'SLA_PORT',
  'knowledge-base': 'KB_PORT',
};

/** Children of this process, by pid, with their command lines (Linux /proc). */
function childProcesses(): Array<{ pid: number; command: string }> {
  const children: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      children.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export async function startPlatform(
  databaseUrl: string,
  log: (line: string) => void,
  options: { quick?: boolean; node?: string } = {},
): Promise<PlatformUnderTest> {
  const prefix = throwawayPrefix('bench');
  const dropDatabases = onCleanup(`databases ${prefix}*`, () => dropDatabasesWithPrefix(prefix, databaseUrl));
  const secret = randomBytes(32).toString('hex');
  const ports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<
    ServiceName,
    number
  >;
  const output: string[] = [];
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    DB_NAME_PREFIX: prefix,
    AUTH_JWT_SECRET: secret,
    // per-request logging would be part of what is measured; warnings and errors still show
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    // a few tokens file thousands of tickets a minute: the bench measures the pipeline, not the rate limiter
    RATE_LIMIT_ENABLED: 'false',
    // the launcher starts its own development broker when this is empty
    KAFKA_BROKERS: '',
    // the services as the images run them: compiled JavaScript, no TypeScript compiler in the
    // process (BENCH_SERVICE_RUNTIME=ts-node measures them as `npm start` runs them instead); the
    // quick run skips the build (up to 40 s from scratch on a busy machine) to stay within CI's minute
    SERVICE_RUNTIME: process.env['BENCH_SERVICE_RUNTIME'] || (options.quick ? 'ts-node' : 'compiled'),
    // the Node.js the images ship (bench/service-node.ts), where the machine's is another
    SERVICE_NODE_BINARY: options.node ?? '',
    ...Object.fromEntries(SERVICE_NAMES.map((name) => [PORT_VARIABLES[name], String(ports[name])])),
  };
  let platform: LaunchedPlatform;
  try {
    // loaded here, not at the top: it pulls in the services' code, and a tree that does not load
    // should fail this part only, not the whole bench
    const { launchPlatform } = await import('../../tools/launcher/launcher');
    platform = await launchPlatform({
      env,
      log: (raw) => {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
        output.push(line);
        if (output.length > 200) output.shift();
        log(line);
      },
    });
  } catch (error) {
    await dropDatabases.run();
    throw new Error(`${(error as Error).message}\n${output.slice(-30).join('\n')}`);
  }
  const stopPlatform = onCleanup('platform processes', () => platform.stop());

  const pids: Record<string, number> = {};
  for (const child of childProcesses()) {
    const service = SERVICE_NAMES.find((name) => new RegExp(`apps/${name}/src/main\\.(ts|js)( |$)`).test(child.command));
    if (service) pids[service] = child.pid;
    else if (/(^|\/)kcat /.test(child.command)) pids['broker (kcat)'] = child.pid;
  }
  for (const name of SERVICE_NAMES) if (!pids[name]) throw new Error(`could not find the process of ${name} among this process's children`);
  const mysqlPid = mysqlServerPid();
  if (mysqlPid) pids['mariadbd'] = mysqlPid;

  return {
    urls: Object.fromEntries(SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}`])) as Record<ServiceName, string>,
    brokers: platform.brokers,
    secret,
    ticketingDatabase: `${prefix}ticketing`,
    pids,
    crashed: platform.crashed,
    recentOutput: () => [...output],
    async stop() {
      // the launcher stops each service with SIGTERM and waits for its orderly shutdown; a bench
      // has nothing to keep, so whatever still runs after a few seconds is killed
      const impatience = setTimeout(() => {
        for (const name of SERVICE_NAMES) {
          try {
            process.kill(pids[name], 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }, 3000);
      try {
        await stopPlatform.run();
      } finally {
        clearTimeout(impatience);
        await dropDatabases.run();
      }
    },
  };
}
