/**
 * The migrations job: `ts-node tools/db/migrate.ts <service|all> [up|down]`. Deploy runs it once
 * before a new version starts; the services never migrate inside their own boot.
 */
import 'reflect-metadata';
import { migrateServiceDatabase } from '@support/nest-messaging';
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
}

main().catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exit(1);
});
