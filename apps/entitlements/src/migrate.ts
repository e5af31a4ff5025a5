/** This service's migrations job (its image runs `node apps/entitlements/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain } from '@support/nest-bootstrap';
import { ENTITLEMENTS_SERVICE } from './service';

migrationJobMain([ENTITLEMENTS_SERVICE], process.argv[2]);
