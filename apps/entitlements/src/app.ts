import type { INestApplication, LogLevel } from '@nestjs/common';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { EntitlementsModule } from './app.module';
import type { EntitlementsEnvironment } from './environment';
import { ENTITLEMENTS_SERVICE } from './service';
import { ENTITLEMENTS_OPENAPI } from './openapi';

export async function createEntitlementsApp(
  env: EntitlementsEnvironment,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await createHttpApp(EntitlementsModule.forRoot(env), env, logger);
  configureHttpApp(app, ENTITLEMENTS_OPENAPI);
  await startService(app, ENTITLEMENTS_SERVICE, env);
  return app;
}
