import type { ServiceManifest } from '@support/nest-messaging';
import { KnowledgeBaseEnvironment } from './environment';

export const KNOWLEDGE_BASE_SERVICE: ServiceManifest<KnowledgeBaseEnvironment> = {
  name: 'knowledge-base',
  database: 'kb',
  portVariable: 'KB_PORT',
  Environment: KnowledgeBaseEnvironment,
  port: (env: KnowledgeBaseEnvironment) => env.KB_PORT,
  entities: [],
  migrations: [],
  consumes: false,
};
