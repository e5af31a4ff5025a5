/**
 * The migrations job for several services: `ts-node tools/db/migrate.ts <service|all> [up|down]`
 * (`npm run migrate`, `npx nx run <app>:migrate`). Each service image carries its own
 * (`apps/<service>/src/migrate.ts`); both run `runMigrationJob`.
 */
import 'reflect-metadata';
import { migrationJobMain } from '@support/nest-bootstrap';
import { SERVICES } from './services';

const [target = 'all', direction = 'up'] = process.argv.slice(2);
const manifests = target === 'all' ? Object.values(SERVICES) : SERVICES[target] ? [SERVICES[target]] : [];
if (manifests.length === 0) {
  process.stderr.write(`migration failed: unknown service "${target}"; one of ${Object.keys(SERVICES).join(', ')}, all\n`);
  process.exit(1);
}
migrationJobMain(manifests, direction);
