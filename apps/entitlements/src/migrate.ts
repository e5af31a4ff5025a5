/** This service's migrations job (its image runs `node apps/entitlements/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain, type ServiceManifest } from '@support/nest-messaging';
import { ENTITLEMENTS_SERVICE } from './service';

migrationJobMain([ENTITLEMENTS_SERVICE as unknown as ServiceManifest], process.argv[2]);
