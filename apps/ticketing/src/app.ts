import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '@support/platform';
import { startService } from '@support/nest-messaging';
import { TicketingModule } from './app.module';
import type { TicketingEnvironment } from './environment';
import { TICKETING_SERVICE } from './service';

/**
 * A 64 KiB description can take six times its size as JSON (\uXXXX escapes); the default 100 kB
 * body limit would refuse a valid form. Files do not come through here: they are multipart.
 */
const JSON_BODY_LIMIT = '512kb';

export async function createTicketingApp(env: TicketingEnvironment, logger: LogLevel[] | false = ['error', 'warn', 'log']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(TicketingModule.forRoot(env), { logger });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  configureHttpApp(app, {
    title: 'Ticketing',
    description: 'Requesters file tickets; agents work them through their lifecycle.',
  });
  await startService(app, { port: TICKETING_SERVICE.port(env), consumes: TICKETING_SERVICE.consumes });
  return app;
}
