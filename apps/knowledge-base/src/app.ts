import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_BODY_BYTES } from '@support/domain-knowledge';
import { startService } from '@support/nest-messaging';
import { configureHttpApp } from '@support/platform';
import { KnowledgeBaseModule } from './app.module';
import type { KnowledgeBaseEnvironment } from './environment';
import { KNOWLEDGE_BASE_SERVICE } from './service';

// An article body may hold 200 KiB of UTF-8; JSON escaping can double that. Larger requests are
// refused by the parser with 413, smaller over-long bodies by the validator with a 400 naming it.
const JSON_BODY_LIMIT = 4 * MAX_BODY_BYTES;

export async function createKnowledgeBaseApp(env: KnowledgeBaseEnvironment, logger: LogLevel[] | false = ['error', 'warn', 'log']): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(KnowledgeBaseModule.forRoot(env), { logger });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  configureHttpApp(app, {
    title: 'Knowledge base',
    description: 'The multilingual help center: articles, search, top resources and ticket deflection.',
  });
  await startService(app, { port: KNOWLEDGE_BASE_SERVICE.port(env), consumes: KNOWLEDGE_BASE_SERVICE.consumes });
  return app;
}
