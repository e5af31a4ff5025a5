import type { INestApplication, LogLevel } from '@nestjs/common';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { startService } from '@support/nest-bootstrap';
import { TicketingModule } from './app.module';
import type { TicketingEnvironment } from './environment';
import { TICKETING_SERVICE } from './service';
import { TICKETING_OPENAPI } from './openapi';

export async function createTicketingApp(
  env: TicketingEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await createHttpApp(TicketingModule.forRoot(env), env, logger);
  configureHttpApp(app, TICKETING_OPENAPI);
  await startService(app, TICKETING_SERVICE, env);
  return app;
}
