import { setTimeout as sleep } from 'node:timers/promises';
import { ensureTopics, kafkaClientConfig } from '@support/messaging';
import { hasPendingMigrations } from '@support/persistence';
import { CommonEnvironment, loadEnvironment } from '@support/platform';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSettingsFromEnvironment } from '@support/nest-messaging';
import { migrateServiceDatabase, serviceDataSourceOptions, type ServiceManifest } from './service-manifest';

type Write = (line: string) => void;

/** Variables the migrations job reads besides the service's own environment. */
export const MIGRATION_JOB_VARIABLES = ['KAFKA_TOPIC_PARTITIONS', 'KAFKA_TOPIC_REPLICATION_FACTOR', 'MIGRATION_WAIT_TIMEOUT_S'] as const;
const stdout: Write = (line) => process.stdout.write(`${line}\n`);

/**
 * The migrations job deploy runs once per release before the new version starts (the services
 * never migrate inside their own boot): each service's database created if absent and migrated
 * (or its last migration reverted), then, going up, the topics created where they are missing.
 * `wait` changes nothing: it returns once the database has every migration this code knows (the
 * Deployments' init container, so that new pods never run ahead of their release's Job).
 * Each service image runs it for its own service (`node apps/<service>/src/migrate.js`);
 * `tools/db/migrate.ts` runs it for several.
 */
export async function runMigrationJob(
  manifests: ServiceManifest[],
  direction: string,
  source: Record<string, string | undefined> = process.env,
  write: Write = stdout,
): Promise<void> {
  if (direction === 'wait') return waitForMigrations(manifests, source, write);
  if (direction !== 'up' && direction !== 'down') throw new Error(`direction must be up, down or wait, got "${direction}"`);
  for (const manifest of manifests) {
    const applied = await migrateServiceDatabase(manifest, direction, source);
    const what = direction === 'down' ? 'reverted the last migration' : applied.length ? `applied ${applied.join(', ')}` : 'up to date';
    write(`${manifest.name}: ${what}`);
  }
  if (direction === 'up') await createTopics(source, write);
}

/** Polls until no service's database lacks a migration (MIGRATION_WAIT_TIMEOUT_S, default 600). */
async function waitForMigrations(manifests: ServiceManifest[], source: Record<string, string | undefined>, write: Write): Promise<void> {
  const timeoutS = Number(source['MIGRATION_WAIT_TIMEOUT_S'] ?? 600);
  if (!Number.isFinite(timeoutS) || timeoutS < 1) throw new Error('MIGRATION_WAIT_TIMEOUT_S must be a number of seconds from 1');
  const env = loadEnvironment(CommonEnvironment, {
    KAFKA_BROKERS: 'unused:9092',
    AUTH_JWT_SECRET: 'unused-by-migrations-0123456789abcdef',
    ...source,
  });
  const deadline = Date.now() + timeoutS * 1000;
  for (const manifest of manifests) {
    const options = serviceDataSourceOptions(manifest, env);
    let said = false;
    for (;;) {
      const pending = await hasPendingMigrations(options).catch((error: Error) => {
        // the database may not exist yet: the release's Job creates it
        if (!said) write(`${manifest.name}: cannot check the migrations yet (${error.message})`);
        return true;
      });
      if (!pending) break;
      if (Date.now() > deadline)
        throw new Error(`${manifest.name}: migrations still pending after ${timeoutS} s; has this release's migrations Job run?`);
      if (!said) write(`${manifest.name}: waiting for the migrations Job`);
      said = true;
      await sleep(2000);
    }
    write(`${manifest.name}: every migration applied`);
  }
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
    const said = {
      created: `created with ${partitions} partitions`,
      existing: 'already there (left as they are)',
      unsupported: 'left to auto-creation (the broker has no CreateTopics)',
    };
    write(`topics: ${said[result]}`);
  } catch (error) {
    // the services work on auto-created topics too; the partition count is then the broker's
    write(`topics: not created (${(error as Error).message}); the broker's auto-creation applies`);
  } finally {
    await admin.disconnect();
  }
}
