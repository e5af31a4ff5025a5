/** This service's migrations job (its image runs `node apps/sla-escalation/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain, type ServiceManifest } from '@support/nest-messaging';
import { SLA_SERVICE } from './service';

migrationJobMain([SLA_SERVICE as unknown as ServiceManifest], process.argv[2]);
