import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ensureDatabase, mysqlDataSourceOptions } from '@support/persistence';
import type { MixedList } from 'typeorm';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { databaseServer } from './connections';
import { CommonEnvironment, serviceDatabaseName } from './environment';
import { HealthController } from './health.controller';
import { TypeOrmNestLogger } from './observability/typeorm-logger';
import { RateLimitGuard, rateLimitOptions } from './rate-limit';
import { ReadinessRegistry } from './readiness';

export interface PlatformOptions {
  env: CommonEnvironment;
  /** suffix of the service's own database: ticketing, entitlements, sla, kb */
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** apply pending migrations at boot: only for throw-away test databases and the dev launcher */
  migrationsRun?: boolean;
}

/**
 * What every service has: its own database (created if absent), token authentication on every
 * route not marked public, and health endpoints.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const server = databaseServer(options.env);
    const database = serviceDatabaseName(options.env, options.database);
    return {
      module: PlatformModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot(rateLimitOptions(options.env)),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabase(server, database);
            return {
              ...mysqlDataSourceOptions({
                server,
                database,
                entities: options.entities,
                migrations: options.migrations,
                poolSize: options.env.DATABASE_POOL_SIZE,
              }),
              migrationsRun: options.migrationsRun ?? false,
              logger: new TypeOrmNestLogger(),
              retryAttempts: 5,
              retryDelay: 1000,
            };
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CommonEnvironment, useValue: options.env },
        ReadinessRegistry,
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier({
              secret: options.env.AUTH_JWT_SECRET,
              jwksUrl: options.env.AUTH_JWKS_URL,
              issuer: options.env.AUTH_ISSUER,
              audience: options.env.AUTH_AUDIENCE,
              clockSkewSeconds: options.env.AUTH_CLOCK_SKEW_SECONDS,
              maxLifetimeSeconds: options.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
            }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        // after the AuthGuard: the principal decides which budget a request counts against
        ...(options.env.RATE_LIMIT_ENABLED === 'true' ? [{ provide: APP_GUARD, useClass: RateLimitGuard }] : []),
      ],
      exports: [CommonEnvironment, ReadinessRegistry, TokenVerifier],
    };
  }
}
