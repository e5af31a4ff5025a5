/* eslint-disable @nx/enforce-module-boundaries --
 * tools read the apps' manifests (and the launcher the knowledge-base seed) by path, as the
 * cross-service tests do; production code never imports an app.
 */
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import { pingServer } from '@support/persistence';
import { ConnectionEnvironment, databaseServer, loadEnvironment } from '@support/platform';
import { signToken, startMockKafka, type RunningBroker } from '@support/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { seedKnowledgeBase } from '../../apps/knowledge-base/src/seed/seed';
import { SERVICES } from '../db/services';
import { COMPILED_DIR, compileServices, serviceProcess, serviceRuntime } from './service-runtime';

const ROOT = path.resolve(__dirname, '../..');

const DEFAULT_PORTS: Record<string, number> = {
  ticketing: 3001,
  entitlements: 3002,
  'sla-escalation': 3003,
  'knowledge-base': 3004,
};

export interface LaunchedPlatform {
  urls: Record<string, string>;
  brokers: string;
  /** development tokens (admin, agent, and a customer alice of account acme), when tokens are
   * HS256-signed with a secret the launcher knows */
  tokens: { admin: string; agent: string; customer: string } | null;
  /** resolves when a service exits on its own (a crash), with its name */
  crashed: Promise<string>;
  /** SIGTERM to every service (each exits within SHUTDOWN_TIMEOUT_MS), then the broker; `now`: SIGKILL */
  stop(options?: { now?: boolean }): Promise<void>;
}

type Log = (line: string) => void;

/** Installs kcat where it is missing and we may (root with apt-get), else says what to install. */
function ensureKcat(log: Log): void {
  if (!spawnSync('kcat', ['-V']).error) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && !spawnSync('apt-get', ['--version']).error) {
    log('kcat is missing: installing it with apt-get (Debian package kcat)');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'kcat'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status === 0) return;
  }
  throw new Error(
    'the development broker needs kcat (librdkafka\'s mock cluster): install it with "sudo apt-get install -y kcat", ' +
      'or point KAFKA_BROKERS at a Kafka cluster',
  );
}

/**
 * Brings the whole platform up: the development broker when KAFKA_BROKERS is unset, a MySQL check,
 * each service's database and migrations, the four services as separate processes, and a wait
 * until all report ready.
 */
export async function launchPlatform(options: { env?: NodeJS.ProcessEnv; log?: Log } = {}): Promise<LaunchedPlatform> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  env['DATABASE_URL'] ||= 'mysql://root@127.0.0.1:3306';
  env['DB_NAME_PREFIX'] ??= 'support_';
  // people at a terminal read text; a pipe (CI, a log collector) gets the JSON lines
  env['LOG_FORMAT'] ||= process.stdout.isTTY ? 'pretty' : 'json';

  const children = new Map<string, ChildProcess>();
  let broker: RunningBroker | null = null;
  let stopping = false;

  // each service exits within SHUTDOWN_TIMEOUT_MS of its SIGTERM by itself; the launcher waits that
  // long (plus a moment) and then kills what is left, so that Ctrl-C ends within the same deadline
  const shutdownTimeoutMs = Number(env['SHUTDOWN_TIMEOUT_MS'] ?? '') || 10_000;
  const stop = async (options: { now?: boolean } = {}): Promise<void> => {
    stopping = true;
    await Promise.all(
      [...children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill(options.now ? 'SIGKILL' : 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), shutdownTimeoutMs + 500);
        await exited;
        clearTimeout(timer);
      }),
    );
    await broker?.stop();
  };

  try {
    // with the TLS the services will use (DATABASE_SSL…)
    const server = databaseServer({ ...loadEnvironment(ConnectionEnvironment, env), DATABASE_URL: env['DATABASE_URL'] ?? '' });
    await pingServer(server).catch((error: Error) => {
      throw new Error(`${error.message}\nStart MySQL/MariaDB or set DATABASE_URL=mysql://user:password@host:port`);
    });

    if (!env['KAFKA_BROKERS']) {
      ensureKcat(log);
      broker = await startMockKafka();
      env['KAFKA_BROKERS'] = broker.brokers;
      // the mock cluster holds idle fetches for the whole wait and forgets members only after the
      // session timeout: short values keep development snappy
      env['KAFKA_MAX_WAIT_MS'] ??= '100';
      env['KAFKA_SESSION_TIMEOUT_MS'] ??= '6000';
      env['KAFKA_HEARTBEAT_INTERVAL_MS'] ??= '1000';
      log(`development broker (librdkafka mock cluster) at ${broker.brokers}`);
    }

    if (!env['AUTH_JWT_SECRET'] && !env['AUTH_JWKS_URL']) {
      env['AUTH_JWT_SECRET'] = randomBytes(32).toString('hex');
      log('AUTH_JWT_SECRET was unset: generated one for this run (tokens below are valid until you stop)');
    }

    for (const [name, manifest] of Object.entries(SERVICES)) {
      const applied = await migrateServiceDatabase(manifest, 'up', env);
      log(
        `${name}: database ${env['DB_NAME_PREFIX']}${manifest.database} ${applied.length ? `migrated (${applied.join(', ')})` : 'up to date'}`,
      );
    }

    if (env['SEED_KNOWLEDGE_BASE'] !== 'false') {
      // idempotent: the help center's starting content, through the service's own write path
      const seeded = await seedKnowledgeBase(env);
      log(`knowledge-base: seed content loaded (${seeded.articlesCreated} articles new, ${seeded.changes} changes)`);
    }

    // SERVICE_RUNTIME=compiled: the services as compiled JavaScript (built first), else ts-node
    const runtime = env['SERVICE_RUNTIME'] || 'ts-node';
    if (runtime !== 'ts-node' && runtime !== 'compiled') throw new Error(`SERVICE_RUNTIME must be ts-node or compiled, not "${runtime}"`);
    const settings = serviceRuntime(env, runtime === 'compiled');
    const compiledDir = runtime === 'compiled' ? compileServices(COMPILED_DIR, log) : false;

    const urls: Record<string, string> = {};
    let reportCrash: (name: string) => void = () => undefined;
    const crashed = new Promise<string>((resolve) => (reportCrash = resolve));
    for (const [name, manifest] of Object.entries(SERVICES)) {
      const port = Number(env[manifest.portVariable] ?? DEFAULT_PORTS[name]);
      urls[name] = `http://127.0.0.1:${port}`;
      const service = serviceProcess(name, compiledDir, settings, { ...env, [manifest.portVariable]: String(port) });
      const child = spawn(service.command, service.args, {
        cwd: ROOT,
        env: service.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // its own process group: a terminal's Ctrl-C reaches only the launcher, which then stops
        // the services one orderly SIGTERM each (a second signal would cut their shutdown short)
        detached: true,
      });
      const killOnExit = () => child.kill('SIGKILL');
      process.once('exit', killOnExit);
      child.once('exit', () => process.removeListener('exit', killOnExit));
      const prefix = `[${name}] `;
      for (const stream of [child.stdout!, child.stderr!]) {
        let pending = '';
        stream.on('data', (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) if (line.trim()) log(prefix + line);
        });
      }
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`${prefix}exited unexpectedly (${signal ?? `code ${code}`})`);
          reportCrash(name);
        }
      });
      children.set(name, child);
    }

    await Promise.race([
      Promise.all(Object.entries(urls).map(([name, url]) => waitReady(name, url, 180_000))),
      crashed.then((name) => {
        throw new Error(`${name} stopped while starting; see its output above`);
      }),
    ]);

    const secret = env['AUTH_JWT_SECRET'];
    const tokens = secret
      ? {
          admin: await signToken({ sub: 'dev-admin', role: 'admin' }, secret, '12h'),
          agent: await signToken({ sub: 'dev-agent', role: 'agent' }, secret, '12h'),
          customer: await signToken({ sub: 'alice', role: 'customer', account_id: 'acme' }, secret, '12h'),
        }
      : null;
    return { urls, brokers: env['KAFKA_BROKERS']!, tokens, crashed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitReady(name: string, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready at ${url}/health/ready within ${timeoutMs / 1000} s: ${last}`);
}
