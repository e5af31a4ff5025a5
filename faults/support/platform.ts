// The fault suite runs the platform as deployments do (separate processes, migrations job first),
// so it uses the migrations job's list of services, as the launcher does.
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import { parseDatabaseUrl } from '@support/persistence';
import {
  dropDatabasesWithPrefix,
  request,
  signToken,
  freePort,
  startMockKafka,
  TEST_DATABASE_URL,
  TEST_JWT_SECRET,
  throwawayPrefix,
  waitFor,
  type RunningBroker,
} from '@support/testing-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES } from '../../tools/db/services';
import { KafkaProxy } from './kafka-proxy';
import { TcpProxy } from './tcp-proxy';

const ROOT = path.resolve(__dirname, '../..');

export const SERVICE_NAMES = ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface PlatformOptions {
  /** names the throw-away databases and the log folder */
  label: string;
  /** processes per service (default 1) */
  replicas?: number;
  /** the services reach MariaDB through a TcpProxy the test can cut */
  databaseThroughProxy?: boolean;
  /** accounts (Pro plan, one owner each) whose owners file the load */
  customers?: number;
  /**
   * a one-broker development cluster behind a KafkaProxy, so that restartBroker() can replace it
   * with a new, empty one on the same address
   */
  restartableBroker?: boolean;
  /** more environment for every service */
  env?: Record<string, string>;
}

/** One service process (a replica), restartable on the same port. */
export class ServiceProcess {
  child: ChildProcess | null = null;
  private log: WriteStream;
  private readonly recent: string[] = [];
  /** exits the test did not cause */
  unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(
    readonly name: ServiceName,
    readonly replica: number,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get label(): string {
    return `${this.name}#${this.replica}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  lastLines(count = 30): string[] {
    return this.recent.slice(-count);
  }

  spawn(): void {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', path.join('apps', this.name, 'src', 'main.ts')], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.expectingExit = false;
    this.log.write(`\n==== ${new Date().toISOString()} started pid ${child.pid}\n`);
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        this.log.write(chunk);
        this.recent.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((line) => line.trim()),
        );
        if (this.recent.length > 200) this.recent.splice(0, this.recent.length - 200);
      });
    }
    child.once('exit', (code, signal) => {
      this.log.write(`==== ${new Date().toISOString()} exited (${signal ?? `code ${code}`})\n`);
      if (!this.expectingExit) this.unexpectedExits.push(`${this.label} exited on its own (${signal ?? `code ${code}`})`);
    });
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    this.child = child;
  }

  async waitReady(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      async () => {
        if (!this.running) throw new Error(`${this.label} is not running (its output: ${this.logFile}):\n${this.lastLines(15).join('\n')}`);
        return (await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5000) })).ok;
      },
      { timeoutMs, intervalMs: 250, description: `${this.label} ready at ${this.url}` },
    );
  }

  /**
   * Sends a signal and waits for the process to end (at most `timeoutMs`; after that it is killed
   * and the result says so). Returns how it ended.
   */
  async signal(
    signal: NodeJS.Signals,
    timeoutMs = 60_000,
  ): Promise<{ code: number | null; signal: string | null; ms: number; forced: boolean }> {
    const child = this.child;
    if (!child || !this.running) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0, forced: false };
    this.expectingExit = true;
    const startedAt = Date.now();
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    child.kill(signal);
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const [code, endedBy] = await exited;
    clearTimeout(timer);
    return { code, signal: endedBy, ms: Date.now() - startedAt, forced };
  }

  async close(): Promise<void> {
    await this.signal('SIGKILL');
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/**
 * The platform as separate processes against a real broker (the development broker, librdkafka's
 * mock cluster through kcat) and the machine's MariaDB, under throw-away databases.
 */
export class FaultPlatform {
  readonly processes = new Map<ServiceName, ServiceProcess[]>();
  customerTokens: string[] = [];
  adminToken = '';

  private constructor(
    readonly label: string,
    readonly prefix: string,
    public broker: RunningBroker,
    readonly proxy: TcpProxy | null,
    readonly brokerProxy: KafkaProxy | null,
    readonly logDirectory: string,
  ) {}

  /** the bootstrap address the services use */
  get brokers(): string {
    return this.brokerProxy?.address ?? this.broker.brokers;
  }

  static async start(options: PlatformOptions): Promise<FaultPlatform> {
    const prefix = throwawayPrefix(`f${options.label}`);
    const logDirectory = path.join(tmpdir(), 'support-faults', prefix.replace(/_$/, ''));
    mkdirSync(logDirectory, { recursive: true });
    const broker = await startMockKafka(options.restartableBroker ? { brokers: 1 } : {});
    const brokerProxy = options.restartableBroker ? await KafkaProxy.start(broker.brokers) : null;
    const server = parseDatabaseUrl(TEST_DATABASE_URL);
    const proxy = options.databaseThroughProxy ? await TcpProxy.start(server.host ?? '127.0.0.1', Number(server.port ?? 3306)) : null;
    const platform = new FaultPlatform(options.label, prefix, broker, proxy, brokerProxy, logDirectory);
    try {
      const direct: NodeJS.ProcessEnv = { DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: prefix, KAFKA_BROKERS: platform.brokers };
      // the migrations job, once, before the services start (straight to the server, not the proxy)
      for (const manifest of Object.values(SERVICES)) await migrateServiceDatabase(manifest, 'up', direct);

      const databaseUrl = proxy ? TEST_DATABASE_URL.replace(/@[^/]+/, `@${proxy.address}`) : TEST_DATABASE_URL;
      for (const name of SERVICE_NAMES) {
        const manifest = SERVICES[name];
        const replicas: ServiceProcess[] = [];
        for (let replica = 0; replica < (options.replicas ?? 1); replica += 1) {
          const port = await freePort();
          const env: NodeJS.ProcessEnv = {
            ...process.env,
            KAFKA_BROKERS: platform.brokers,
            DATABASE_URL: databaseUrl,
            DB_NAME_PREFIX: prefix,
            AUTH_JWT_SECRET: TEST_JWT_SECRET,
            KAFKA_MAX_WAIT_MS: '100',
            KAFKA_SESSION_TIMEOUT_MS: '6000',
            KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
            OUTBOX_POLL_INTERVAL_MS: '100',
            LOG_LEVEL: 'warn',
            NO_COLOR: '1',
            // the load and its checks come from one address with a few tokens: limits on, set high
            RATE_LIMIT_PER_PRINCIPAL: '100000',
            RATE_LIMIT_PER_ADDRESS: '100000',
            ...options.env,
            [manifest.portVariable]: String(port),
          };
          delete env['KAFKA_GROUP_ID'];
          replicas.push(new ServiceProcess(name, replica, port, env, path.join(logDirectory, `${name}-${replica}.log`)));
        }
        platform.processes.set(name, replicas);
      }
      // one service at a time: four ts-node start-ups at once on a small, busy machine starve each
      // other past the database driver's 10 s connect timeout
      for (const name of SERVICE_NAMES) {
        for (const replica of platform.replicas(name)) replica.spawn();
        await Promise.all(platform.replicas(name).map((replica) => replica.waitReady()));
      }
      await platform.seedCustomers(options.customers ?? 4);
      return platform;
    } catch (error) {
      await platform.stop();
      throw error;
    }
  }

  all(): ServiceProcess[] {
    return [...this.processes.values()].flat();
  }

  replicas(name: ServiceName): ServiceProcess[] {
    return this.processes.get(name)!;
  }

  url(name: ServiceName, replica = 0): string {
    return this.replicas(name)[replica].url;
  }

  database(name: ServiceName): string {
    return `${this.prefix}${SERVICES[name].database}`;
  }

  /** Pro accounts, one owner each: every ticket they file is entitled and gets a deadline. */
  private async seedCustomers(count: number): Promise<void> {
    this.adminToken = await signToken({ sub: 'fault-admin', role: 'admin' });
    for (let index = 0; index < count; index += 1) {
      const account = `fault-acct-${index}`;
      const owner = `fault-owner-${index}`;
      const put = async (url: string, body: unknown) => {
        const response = await request('PUT', url, { token: this.adminToken, body });
        if (response.status >= 300) throw new Error(`seeding ${url}: ${response.status} ${JSON.stringify(response.body)}`);
      };
      await put(`${this.url('entitlements')}/v1/accounts/${account}`, { name: `Fault ${index}`, plan: 'pro' });
      await put(`${this.url('entitlements')}/v1/accounts/${account}/users/${owner}`, { role: 'owner' });
      this.customerTokens.push(await signToken({ sub: owner, role: 'customer', account_id: account }, TEST_JWT_SECRET, '6h'));
    }
  }

  /** Exits no test caused, with the last lines of each such process. */
  unexpectedExits(): string[] {
    return this.all().flatMap((replica) =>
      replica.unexpectedExits.map((exit) => `${exit} (its output: ${replica.logFile})\n${replica.lastLines(15).join('\n')}`),
    );
  }

  /** Freezes the broker process (SIGSTOP): every request to it hangs until thaw(). */
  freezeBroker(): void {
    process.kill(this.broker.pid, 'SIGSTOP');
  }

  thawBroker(): void {
    process.kill(this.broker.pid, 'SIGCONT');
  }

  /**
   * The broker dies (kill -9, with everything it held: the development broker keeps its log in
   * memory) and a new, empty one starts `downMs` later on the same address.
   */
  async restartBroker(downMs: number): Promise<void> {
    if (!this.brokerProxy) throw new Error('start the platform with restartableBroker to restart its broker');
    process.kill(this.broker.pid, 'SIGKILL');
    await this.broker.stop();
    await this.brokerProxy.cut();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.broker = await startMockKafka({ brokers: 1 });
    this.brokerProxy.retarget(this.broker.brokers);
    await this.brokerProxy.restore();
  }

  async stop(): Promise<void> {
    try {
      this.thawBroker();
    } catch {
      // already gone
    }
    await Promise.all(this.all().map((replica) => replica.close()));
    await this.broker.stop();
    await this.brokerProxy?.stop();
    await this.proxy?.stop();
    await dropDatabasesWithPrefix(this.prefix);
  }
}
