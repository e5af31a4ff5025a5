/** This service's migrations job (its image runs `node apps/knowledge-base/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain } from '@support/nest-bootstrap';
import { KNOWLEDGE_BASE_SERVICE } from './service';

migrationJobMain([KNOWLEDGE_BASE_SERVICE], process.argv[2]);
