import { ensureTopics, kafkaClientConfig } from '@support/messaging';
import { CommonEnvironment, loadEnvironment } from '@support/platform';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSettingsFromEnvironment, migrateServiceDatabase, type ServiceManifest } from './service-modules';

type Write = (line: string) => void;
const stdout: Write = (line) => process.stdout.write(`${line}\n`);

/**
 * The migrations job deploy runs once per release before the new version starts (the services
 * never migrate inside their own boot): each service's database created if absent and migrated
 * (or its last migration reverted), then, going up, the topics created where they are missing.
 * Each service image runs it for its own service (`node apps/<service>/src/migrate.js`);
 * `tools/db/migrate.ts` runs it for several.
 */
export async function runMigrationJob(
  manifests: ServiceManifest[],
  direction: string,
  source: Record<string, string | undefined> = process.env,
  write: Write = stdout,
): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error(`direction must be up or down, got "${direction}"`);
  for (const manifest of manifests) {
    const applied = await migrateServiceDatabase(manifest, direction, source);
    const what = direction === 'down' ? 'reverted the last migration' : applied.length ? `applied ${applied.join(', ')}` : 'up to date';
    write(`${manifest.name}: ${what}`);
  }
  if (direction === 'up') await createTopics(source, write);
}

/** The job's process: runs it and exits 1 with the reason on failure. */
export function migrationJobMain(manifests: ServiceManifest[], direction = 'up'): void {
  runMigrationJob(manifests, direction).catch((error: Error) => {
    process.stderr.write(`migration failed: ${error.message}\n`);
    process.exit(1);
  });
}

/**
 * With KAFKA_BROKERS set, the topics get KAFKA_TOPIC_PARTITIONS partitions (default 12) where
 * they are new, over the same TLS/SASL as the services (KAFKA_SSL…, KAFKA_SASL_…).
 */
async function createTopics(source: Record<string, string | undefined>, write: Write): Promise<void> {
  if (!source['KAFKA_BROKERS']) return;
  const partitions = Number(source['KAFKA_TOPIC_PARTITIONS'] ?? 12);
  const replicationFactor = Number(source['KAFKA_TOPIC_REPLICATION_FACTOR'] ?? -1);
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error('KAFKA_TOPIC_PARTITIONS must be a whole number from 1');
  if (!Number.isInteger(replicationFactor) || replicationFactor === 0 || replicationFactor < -1) {
    throw new Error('KAFKA_TOPIC_REPLICATION_FACTOR must be -1 (broker default) or a whole number from 1');
  }
  // only the connection variables matter here; the services check the rest themselves
  const env = loadEnvironment(CommonEnvironment, { AUTH_JWT_SECRET: 'unused-by-migrations-0123456789abcdef', ...source });
  const client = kafkaClientConfig(kafkaSettingsFromEnvironment(env, 'support-migrate'));
  const admin = new Kafka({ ...client, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    const result = await ensureTopics(admin, { partitions, replicationFactor });
    const said = { created: `created with ${partitions} partitions`, existing: 'already there (left as they are)', unsupported: 'left to auto-creation (the broker has no CreateTopics)' };
    write(`topics: ${said[result]}`);
  } catch (error) {
    // the services work on auto-created topics too; the partition count is then the broker's
    write(`topics: not created (${(error as Error).message}); the broker's auto-creation applies`);
  } finally {
    await admin.disconnect();
  }
}
