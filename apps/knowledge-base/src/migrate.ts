/** This service's migrations job (its image runs `node apps/knowledge-base/src/migrate.js [up|down]`). */
import 'reflect-metadata';
import { migrationJobMain, type ServiceManifest } from '@support/nest-messaging';
import { KNOWLEDGE_BASE_SERVICE } from './service';

migrationJobMain([KNOWLEDGE_BASE_SERVICE as unknown as ServiceManifest], process.argv[2]);
