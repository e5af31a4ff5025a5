/** This service's migrations job (its image runs `node apps/ticketing/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain, type ServiceManifest } from '@support/nest-messaging';
import { TICKETING_SERVICE } from './service';

migrationJobMain([TICKETING_SERVICE as unknown as ServiceManifest], process.argv[2]);
