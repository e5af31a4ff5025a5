import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@support/messaging';
import { ensureDatabase, mysqlDataSourceOptions, revertLastMigration, runMigrations } from '@support/persistence';
import { databaseServer, loadEnvironment, serviceDatabaseName, type CommonEnvironment } from '@support/platform';

/** What the launcher, the migrations job, the app's start-up and the tests need to know about one service. */
export interface ServiceManifest<E extends CommonEnvironment = CommonEnvironment> {
  /** service name: consumer group, CloudEvents source (/support/<name>), client id */
  name: string;
  /** database suffix after DB_NAME_PREFIX (contracts.md): ticketing, entitlements, sla, kb */
  database: string;
  Environment: new () => E;
  /** the variable of contracts.md that overrides its port */
  portVariable: string;
  port(env: E): number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** false for a service with no Kafka subscriptions */
  consumes: boolean;
}

/** Data-source options for a service's own tables and the shared messaging ones (migrations job, seeds, tests). */
export function serviceDataSourceOptions(manifest: Pick<ServiceManifest, 'database' | 'entities' | 'migrations'>, env: CommonEnvironment) {
  return mysqlDataSourceOptions({
    server: databaseServer(env),
    database: serviceDatabaseName(env, manifest.database),
    entities: [...MESSAGING_ENTITIES, ...manifest.entities],
    migrations: [...MESSAGING_MIGRATIONS, ...manifest.migrations],
  });
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
  const options = serviceDataSourceOptions(manifest, env);
  if (direction === 'down') {
    await revertLastMigration(options);
    return [];
  }
  return runMigrations(options);
}
