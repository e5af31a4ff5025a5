import type { INestApplication, LogLevel } from '@nestjs/common';
import { migrateServiceDatabase, type ServiceManifest } from '@support/nest-bootstrap';
import { loadEnvironment, type CommonEnvironment } from '@support/platform';
import { dropDatabasesWithPrefix, TEST_DATABASE_URL, TEST_JWT_SECRET, throwawayPrefix, waitFor } from '@support/testing-core';

export type AppFactory<E extends CommonEnvironment> = (env: E, logger: LogLevel[] | false) => Promise<INestApplication>;

/** The environment a service gets in a test: throw-away databases and consumer groups. */
export function testEnvironment(brokers: string, prefix: string, manifest: ServiceManifest<never>): Record<string, string> {
  return {
    KAFKA_BROKERS: brokers,
    DATABASE_URL: TEST_DATABASE_URL,
    DB_NAME_PREFIX: prefix,
    KAFKA_GROUP_ID: `${prefix}${manifest.name}`,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    KAFKA_MAX_WAIT_MS: '50',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
    OUTBOX_POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'warn',
    // tests drive a service from one address far faster than people do; limits stay on, set high
    RATE_LIMIT_PER_PRINCIPAL: '100000',
    RATE_LIMIT_PER_ADDRESS: '100000',
    [manifest.portVariable]: '0',
  };
}

export interface RunningService {
  name: string;
  app: INestApplication;
  url: string;
  database: string;
}

/**
 * Services running in this test process against a real broker, each migrated in its own
 * throw-away database (dropped by stopAll).
 */
export class ServiceStack {
  readonly services = new Map<string, RunningService>();

  private constructor(
    readonly brokers: string,
    readonly prefix: string,
  ) {}

  static create(brokers: string, label: string): ServiceStack {
    return new ServiceStack(brokers, throwawayPrefix(label));
  }

  async start<E extends CommonEnvironment>(
    manifest: ServiceManifest<E>,
    create: AppFactory<E>,
    overrides: Record<string, string> = {},
  ): Promise<RunningService> {
    const source = { ...testEnvironment(this.brokers, this.prefix, manifest as ServiceManifest<never>), ...overrides };
    await migrateServiceDatabase(manifest, 'up', source);
    const env = loadEnvironment(manifest.Environment, source);
    const app = await create(env, ['error', 'warn']);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const running: RunningService = { name: manifest.name, app, url, database: `${this.prefix}${manifest.database}` };
    this.services.set(manifest.name, running);
    await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, { timeoutMs: 60_000, description: `${manifest.name} ready` });
    return running;
  }

  get(name: string): RunningService {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service;
  }

  url(name: string): string {
    return this.get(name).url;
  }

  database(name: string): string {
    return this.get(name).database;
  }

  async stop(name: string): Promise<void> {
    const service = this.services.get(name);
    if (!service) return;
    this.services.delete(name);
    await service.app.close();
  }

  async stopAll(options: { dropDatabases?: boolean } = { dropDatabases: true }): Promise<void> {
    await Promise.all([...this.services.keys()].map((name) => this.stop(name)));
    if (options.dropDatabases) await dropDatabasesWithPrefix(this.prefix);
  }
}
