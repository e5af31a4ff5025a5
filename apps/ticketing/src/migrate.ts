/** This service's migrations job (its image runs `node apps/ticketing/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain } from '@support/nest-bootstrap';
import { TICKETING_SERVICE } from './service';

migrationJobMain([TICKETING_SERVICE], process.argv[2]);
