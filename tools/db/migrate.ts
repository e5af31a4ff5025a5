/**
 * The migrations job: `ts-node tools/db/migrate.ts <service|all> [up|down]`. Deploy runs it once
 * before a new version starts; the services never migrate inside their own boot.
 */
import 'reflect-metadata';
import { serviceDataSourceOptions } from '@support/nest-messaging';
import { ensureDatabase, parseDatabaseUrl, revertLastMigration, runMigrations } from '@support/persistence';
import { loadEnvironment, serviceDatabaseName, type CommonEnvironment } from '@support/platform';
import { SERVICES, type ServiceName } from './services';

export async function migrateService(name: ServiceName, direction: 'up' | 'down' = 'up', source = process.env): Promise<string[]> {
  const service = SERVICES[name];
  // only the database variables matter to a migration; the rest are checked by the service itself
  const env = loadEnvironment<CommonEnvironment>(service.Environment, { KAFKA_BROKERS: 'unused:9092', AUTH_JWT_SECRET: 'x'.repeat(32), ...source });
  await ensureDatabase(parseDatabaseUrl(env.DATABASE_URL), serviceDatabaseName(env, service.database));
  const options = serviceDataSourceOptions({ env, database: service.database, entities: service.entities, migrations: service.migrations });
  if (direction === 'down') {
    await revertLastMigration(options);
    return [];
  }
  return runMigrations(options);
}

async function main(): Promise<void> {
  const [target = 'all', direction = 'up'] = process.argv.slice(2);
  if (direction !== 'up' && direction !== 'down') throw new Error(`direction must be up or down, got "${direction}"`);
  const names = target === 'all' ? (Object.keys(SERVICES) as ServiceName[]) : [target as ServiceName];
  for (const name of names) {
    if (!(name in SERVICES)) throw new Error(`unknown service "${name}"; one of ${Object.keys(SERVICES).join(', ')}, all`);
    const applied = await migrateService(name, direction);
    process.stdout.write(`${name}: ${direction === 'down' ? 'reverted the last migration' : applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`migration failed: ${error.message}\n`);
    process.exit(1);
  });
}
