/**
 * The migrations job: `ts-node tools/db/migrate.ts <service|all> [up|down]`. Deploy runs it once
 * before a new version starts; the services never migrate inside their own boot.
 */
import 'reflect-metadata';
import { ensureTopics, parseBrokers } from '@support/messaging';
import { migrateServiceDatabase } from '@support/nest-messaging';
import { Kafka, logLevel } from 'kafkajs';
import { SERVICES } from './services';

async function main(): Promise<void> {
  const [target = 'all', direction = 'up'] = process.argv.slice(2);
  if (direction !== 'up' && direction !== 'down') throw new Error(`direction must be up or down, got "${direction}"`);
  const names = target === 'all' ? Object.keys(SERVICES) : [target];
  for (const name of names) {
    const manifest = SERVICES[name];
    if (!manifest) throw new Error(`unknown service "${name}"; one of ${Object.keys(SERVICES).join(', ')}, all`);
    const applied = await migrateServiceDatabase(manifest, direction);
    const what = direction === 'down' ? 'reverted the last migration' : applied.length ? `applied ${applied.join(', ')}` : 'up to date';
    process.stdout.write(`${name}: ${what}\n`);
  }
  if (direction === 'up' && target === 'all') await createTopics();
}

/** With KAFKA_BROKERS set, the topics get KAFKA_TOPIC_PARTITIONS partitions (default 12) where they are new. */
async function createTopics(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) return;
  const partitions = Number(process.env['KAFKA_TOPIC_PARTITIONS'] ?? 12);
  const replicationFactor = Number(process.env['KAFKA_TOPIC_REPLICATION_FACTOR'] ?? -1);
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error('KAFKA_TOPIC_PARTITIONS must be a whole number from 1');
  if (!Number.isInteger(replicationFactor) || replicationFactor === 0 || replicationFactor < -1) {
    throw new Error('KAFKA_TOPIC_REPLICATION_FACTOR must be -1 (broker default) or a whole number from 1');
  }
  const admin = new Kafka({ clientId: 'support-migrate', brokers: parseBrokers(brokers), logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    const result = await ensureTopics(admin, { partitions, replicationFactor });
    const said = { created: `created with ${partitions} partitions`, existing: 'already there (left as they are)', unsupported: 'left to auto-creation (the broker has no CreateTopics)' };
    process.stdout.write(`topics: ${said[result]}\n`);
  } catch (error) {
    // the services work on auto-created topics too; the partition count is then the broker's
    process.stdout.write(`topics: not created (${(error as Error).message}); the broker's auto-creation applies\n`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exit(1);
});
