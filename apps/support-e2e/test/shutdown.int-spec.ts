import { TOPICS } from '@support/contracts';
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import {
  dropDatabasesWithPrefix,
  EventProbe,
  queryDatabase,
  request,
  freePort,
  signToken,
  startMockKafka,
  TEST_DATABASE_URL,
  TEST_JWT_SECRET,
  throwawayPrefix,
  waitFor,
  type RunningBroker,
} from '@support/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { TICKETING } from '../src/services';

const ROOT = path.resolve(__dirname, '../../..');
const SHUTDOWN_TIMEOUT_MS = 5000;

/** The ticketing service as its own process, the way `npm start` and a container run it. */
class ServiceProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  }

  static async start(env: Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'apps/ticketing/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, TICKETING_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    await waitFor(async () => child.exitCode === null && (await fetch(`${service.url}/health/ready`)).ok, {
      timeoutMs: 120_000,
      intervalMs: 250,
      description: 'ticketing ready',
    }).catch((error: Error) => {
      child.kill('SIGKILL');
      throw new Error(`${error.message}\n${service.output}`);
    });
    return service;
  }
}

/**
 * SIGTERM with the broker gone: the process exits on its own within SHUTDOWN_TIMEOUT_MS instead of
 * retrying the broker, and the events it could not publish stay in its outbox; the next start
 * (here against another broker) publishes them.
 */
describe('shutdown with the broker gone (ticketing as a process, real MariaDB)', () => {
  const prefix = throwawayPrefix('shutdown');
  let first: RunningBroker | undefined;
  let second: RunningBroker | undefined;
  let probe: EventProbe | undefined;
  const processes: ServiceProcess[] = [];
  const database = `${prefix}ticketing`;

  const environment = (brokers: string): Record<string, string> => ({
    KAFKA_BROKERS: brokers,
    DATABASE_URL: TEST_DATABASE_URL,
    DB_NAME_PREFIX: prefix,
    KAFKA_GROUP_ID: `${prefix}ticketing`,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    KAFKA_MAX_WAIT_MS: '50',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
    OUTBOX_POLL_INTERVAL_MS: '50',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    LOG_LEVEL: 'log',
  });

  beforeAll(async () => {
    first = await startMockKafka();
    await migrateServiceDatabase(TICKETING[0], 'up', environment(first.brokers));
  });

  afterAll(async () => {
    for (const service of processes) if (service.child.exitCode === null) service.child.kill('SIGKILL');
    await probe?.stop();
    await first?.stop();
    await second?.stop();
    await dropDatabasesWithPrefix(prefix);
  });

  it('exits on its own within the deadline, leaving unpublished events for the next start', async () => {
    const service = await ServiceProcess.start(environment(first!.brokers));
    processes.push(service);
    const customer = await signToken({ sub: 'owner-s', role: 'customer', account_id: 'acct-s' });
    const file = async (n: number) => {
      const response = await request('POST', `${service.url}/v1/tickets`, {
        token: customer,
        body: { subject: `filed while the broker is gone ${n}`, description: 'Nothing works.', priority: 'high', device: 'desktop' },
      });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };

    await first!.stop();
    const notReady = await waitFor(
      async () => {
        const response = await request('GET', `${service.url}/health/ready`);
        return response.status === 503 && response.body.dependencies?.broker?.status === 'down' ? response : null;
      },
      { timeoutMs: 30_000, description: 'ready 503 naming the broker after it died' },
    );
    process.stdout.write(`readiness with the broker gone: ${JSON.stringify(notReady.body)}\n`);
    expect(notReady.body.code).toBe('not_ready');
    expect(notReady.body.dependencies.broker).toMatchObject({ status: 'down', state: 'unreachable' });
    expect(notReady.body.dependencies.database.status).toBe('up');

    // the database still takes tickets; their events wait in the outbox
    const tickets = [await file(1), await file(2), await file(3)];
    const pending = async () =>
      Number((await queryDatabase<{ n: number }>(database, 'SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL'))[0].n);
    expect(await pending()).toBeGreaterThanOrEqual(tickets.length);

    const signalledAt = Date.now();
    service.child.kill('SIGTERM');
    const ended = await Promise.race([
      service.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), SHUTDOWN_TIMEOUT_MS * 6)),
    ]);
    if (!ended) service.child.kill('SIGKILL');
    process.stdout.write(
      `ticketing exited ${Date.now() - signalledAt} ms after SIGTERM (deadline ${SHUTDOWN_TIMEOUT_MS} ms): ${JSON.stringify(ended)}\n`,
    );
    process.stdout.write(
      `${service.output
        .split('\n')
        .filter((line) => /shut|SIGTERM|outbox/i.test(line))
        .join('\n')}\n`,
    );
    expect(ended).not.toBeNull(); // it ended by itself, not by the test's SIGKILL
    expect(ended!.signal).toBeNull();
    expect(service.output).toContain(`shutting down within ${SHUTDOWN_TIMEOUT_MS} ms`);
    expect(await pending()).toBeGreaterThanOrEqual(tickets.length);

    // the next start, against a broker that answers, publishes what was left
    second = await startMockKafka();
    probe = await EventProbe.start(second.brokers, [TOPICS.tickets]);
    const next = await ServiceProcess.start(environment(second.brokers));
    processes.push(next);
    await waitFor(async () => (await pending()) === 0, { timeoutMs: 60_000, description: 'the outbox drained after the restart' });
    for (const id of tickets) await probe.waitForEvent('support.ticket.created.v1', (event) => event.subject === id, 30_000);

    next.child.kill('SIGTERM');
    const clean = await next.exited;
    expect(clean).toEqual({ code: 0, signal: null });
  });
});
