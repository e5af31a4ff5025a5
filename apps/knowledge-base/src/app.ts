import type { LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { KnowledgeBaseModule } from './app.module';
import type { KnowledgeBaseEnvironment } from './environment';
import { KNOWLEDGE_BASE_SERVICE } from './service';
import { KNOWLEDGE_BASE_OPENAPI } from './openapi';

export async function createKnowledgeBaseApp(
  env: KnowledgeBaseEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(KnowledgeBaseModule.forRoot(env), env, logger);
  configureHttpApp(app, KNOWLEDGE_BASE_OPENAPI);
  await startService(app, KNOWLEDGE_BASE_SERVICE, env);
  return app;
}
