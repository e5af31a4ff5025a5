import type { INestApplication, LogLevel } from '@nestjs/common';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { SlaEscalationModule, type SlaModuleOptions } from './app.module';
import type { SlaEnvironment } from './environment';
import { SLA_SERVICE } from './service';

export async function createSlaApp(
  env: SlaEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
  options: SlaModuleOptions = {},
): Promise<INestApplication> {
  const app = await createHttpApp(SlaEscalationModule.forRoot(env, options), logger);
  configureHttpApp(app, {
    title: 'SLA escalation',
    description: 'Priority-based first-response deadlines, durable timers, warnings, breaches and escalation.',
  });
  await startService(app, SLA_SERVICE, env);
  return app;
}
