import type { INestApplication } from '@nestjs/common';
import { loadEnvironment, type CommonEnvironment } from '@support/platform';
import { dropDatabasesWithPrefix, TEST_DATABASE_URL, TEST_JWT_SECRET, throwawayPrefix, waitFor } from '@support/testing';
import { migrateService } from '../../../tools/db/migrate';
import { SERVICES, type ServiceName } from '../../../tools/db/services';
import { SERVICE_FACTORIES } from './service-apps';

export const PORT_VARIABLES: Record<ServiceName, string> = {
  ticketing: 'TICKETING_PORT',
  entitlements: 'ENTITLEMENTS_PORT',
  'sla-escalation': 'SLA_PORT',
  'knowledge-base': 'KB_PORT',
};

/** The environment a service gets in a test: throw-away databases and consumer groups. */
export function testEnvironment(brokers: string, prefix: string, service: ServiceName): Record<string, string> {
  return {
    KAFKA_BROKERS: brokers,
    DATABASE_URL: TEST_DATABASE_URL,
    DB_NAME_PREFIX: prefix,
    KAFKA_GROUP_ID: `${prefix}${service}`,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    KAFKA_MAX_WAIT_MS: '50',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
    OUTBOX_POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'warn',
    [PORT_VARIABLES[service]]: '0',
  };
}

export interface RunningService {
  name: ServiceName;
  app: INestApplication;
  url: string;
  database: string;
}

/** Services running in this process against the broker, each migrated in its own database. */
export class ServiceStack {
  readonly services = new Map<ServiceName, RunningService>();

  private constructor(
    readonly brokers: string,
    readonly prefix: string,
  ) {}

  static create(brokers: string, label: string): ServiceStack {
    return new ServiceStack(brokers, throwawayPrefix(label));
  }

  async start(name: ServiceName, overrides: Record<string, string> = {}): Promise<RunningService> {
    const source = { ...testEnvironment(this.brokers, this.prefix, name), ...overrides };
    await migrateService(name, 'up', source);
    const env = loadEnvironment<CommonEnvironment>(SERVICES[name].Environment, source);
    const app = await SERVICE_FACTORIES[name](env as never, ['error', 'warn']);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const running = { name, app, url, database: `${this.prefix}${SERVICES[name].database}` };
    this.services.set(name, running);
    await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, { timeoutMs: 60_000, description: `${name} ready` });
    return running;
  }

  url(name: ServiceName): string {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service.url;
  }

  database(name: ServiceName): string {
    return `${this.prefix}${SERVICES[name].database}`;
  }

  async stop(name: ServiceName): Promise<void> {
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
