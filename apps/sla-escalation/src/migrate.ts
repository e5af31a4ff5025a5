/** This service's migrations job (its image runs `node apps/sla-escalation/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain } from '@support/nest-bootstrap';
import { SLA_SERVICE } from './service';

migrationJobMain([SLA_SERVICE], process.argv[2]);
