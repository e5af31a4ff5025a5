import { KnowledgeBaseEnvironment } from './environment';

export const KNOWLEDGE_BASE_SERVICE = {
  name: 'knowledge-base',
  database: 'kb',
  Environment: KnowledgeBaseEnvironment,
  port: (env: KnowledgeBaseEnvironment) => env.KB_PORT,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: [] as Function[],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: [] as Function[],
  consumes: false,
};
