import type { LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { KnowledgeBaseModule } from './app.module';
import type { KnowledgeBaseEnvironment } from './environment';
import { KNOWLEDGE_BASE_SERVICE } from './service';
import { KNOWLEDGE_BASE_OPENAPI } from './openapi';

export async function createKnowledgeBaseApp(
  env: KnowledgeBaseEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<NestExpressApplication> {
  const app = await createHttpApp(KnowledgeBaseModule.forRoot(env), logger);
  configureHttpApp(app, KNOWLEDGE_BASE_OPENAPI);
  await startService(app, KNOWLEDGE_BASE_SERVICE, env);
  return app;
}
