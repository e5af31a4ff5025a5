import type { INestApplication, LogLevel } from '@nestjs/common';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { SlaEscalationModule, type SlaModuleOptions } from './app.module';
import type { SlaEnvironment } from './environment';
import { SLA_SERVICE } from './service';
import { SLA_OPENAPI } from './openapi';

export async function createSlaApp(
  env: SlaEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
  options: SlaModuleOptions = {},
): Promise<INestApplication> {
  const app = await createHttpApp(SlaEscalationModule.forRoot(env, options), env, logger);
  configureHttpApp(app, SLA_OPENAPI);
  await startService(app, SLA_SERVICE, env);
  return app;
}
