import type { DynamicModule } from '@nestjs/common';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, parseBrokers, type KafkaSettings } from '@support/messaging';
import { ensureDatabase, mysqlDataSourceOptions, revertLastMigration, runMigrations } from '@support/persistence';
import { databaseServer, kafkaConnectionSecurity, loadEnvironment, ObservabilityModule, PlatformModule, serviceDatabaseName, type CommonEnvironment } from '@support/platform';
import { MessagingModule } from './messaging.module';

export interface ServiceDefinition {
  /** service name: consumer group, CloudEvents source (/support/<name>), client id */
  service: string;
  /** database suffix after DB_NAME_PREFIX (contracts.md): ticketing, entitlements, sla, kb */
  database: string;
  env: CommonEnvironment;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  consumes: boolean;
}

export function kafkaSettingsFromEnvironment(env: CommonEnvironment, service: string): KafkaSettings {
  return {
    brokers: parseBrokers(env.KAFKA_BROKERS),
    clientId: service,
    groupId: env.KAFKA_GROUP_ID ?? service,
    maxWaitTimeInMs: env.KAFKA_MAX_WAIT_MS,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: env.KAFKA_HEARTBEAT_INTERVAL_MS,
    partitionsConsumedConcurrently: env.KAFKA_PARTITIONS_CONCURRENCY,
    maxBatchSize: env.CONSUMER_MAX_BATCH,
    security: kafkaConnectionSecurity(env),
  };
}

/** The infrastructure every service imports: database, auth, health, metrics/traces/logs, Kafka, outbox and inbox. */
export function serviceInfrastructure(definition: ServiceDefinition): DynamicModule[] {
  return [
    ObservabilityModule.forRoot({ service: definition.service, env: definition.env }),
    PlatformModule.forRoot({
      env: definition.env,
      database: definition.database,
      entities: [...MESSAGING_ENTITIES, ...definition.entities],
      migrations: [...MESSAGING_MIGRATIONS, ...definition.migrations],
    }),
    MessagingModule.forRoot({
      service: definition.service,
      kafka: kafkaSettingsFromEnvironment(definition.env, definition.service),
      outboxPollIntervalMs: definition.env.OUTBOX_POLL_INTERVAL_MS,
      outboxBatchSize: definition.env.OUTBOX_BATCH_SIZE,
      consumes: definition.consumes,
      brokerHealthTimeoutMs: definition.env.KAFKA_HEALTH_TIMEOUT_MS,
      consumerRestarts: { maxRestarts: definition.env.CONSUMER_RESTART_ATTEMPTS, initialBackoffMs: definition.env.CONSUMER_RESTART_BACKOFF_MS },
      shutdownTimeoutMs: definition.env.SHUTDOWN_TIMEOUT_MS,
    }),
  ];
}

/** Data-source options for a service's migrations job (the same tables the service maps). */
export function serviceDataSourceOptions(definition: Pick<ServiceDefinition, 'env' | 'database' | 'entities' | 'migrations'>) {
  return mysqlDataSourceOptions({
    server: databaseServer(definition.env),
    database: serviceDatabaseName(definition.env, definition.database),
    entities: [...MESSAGING_ENTITIES, ...definition.entities],
    migrations: [...MESSAGING_MIGRATIONS, ...definition.migrations],
  });
}

/** What the launcher, the migrations job and the tests need to know about one service. */
export interface ServiceManifest<E extends CommonEnvironment = CommonEnvironment> {
  name: string;
  database: string;
  Environment: new () => E;
  /** the variable of contracts.md that overrides its port */
  portVariable: string;
  port(env: E): number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  consumes: boolean;
}

/** Creates the service's database if absent and applies (or reverts one of) its migrations. */
export async function migrateServiceDatabase(
  manifest: ServiceManifest,
  direction: 'up' | 'down',
  source: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  // only the database variables matter to a migration; the service checks the rest itself
  const env = loadEnvironment<CommonEnvironment>(manifest.Environment, {
    KAFKA_BROKERS: 'unused:9092',
    AUTH_JWT_SECRET: 'unused-by-migrations-0123456789abcdef',
    ...source,
  });
  await ensureDatabase(databaseServer(env), serviceDatabaseName(env, manifest.database));
  const options = serviceDataSourceOptions({ env, ...manifest });
  if (direction === 'down') {
    await revertLastMigration(options);
    return [];
  }
  return runMigrations(options);
}
