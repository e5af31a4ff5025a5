import type { INestApplication, LogLevel } from '@nestjs/common';
import { startService } from '@support/nest-bootstrap';
import { configureHttpApp, createHttpApp } from '@support/platform';
import { EntitlementsModule } from './app.module';
import type { EntitlementsEnvironment } from './environment';
import { ENTITLEMENTS_SERVICE } from './service';

export async function createEntitlementsApp(env: EntitlementsEnvironment, logger: LogLevel[] | false = ['error', 'warn', 'log']): Promise<INestApplication> {
  const app = await createHttpApp(EntitlementsModule.forRoot(env), logger);
  configureHttpApp(app, {
    title: 'Entitlements',
    description: 'Plans and account roles decide who may use which support channel; every ticket gets a recorded plan check.',
  });
  await startService(app, ENTITLEMENTS_SERVICE, env);
  return app;
}
