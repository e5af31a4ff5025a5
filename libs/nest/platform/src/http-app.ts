import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationMiddleware } from './correlation';
import { CommonEnvironment } from './environment';
import { HttpErrorFilter } from './http-error.filter';
import { HttpTelemetry } from './observability/http-telemetry';
import { buildOpenApiDocument, serveOpenApiDocument, type HttpAppOptions } from './openapi/openapi-document';
import { applySecurityHeaders, corsOptions, trustProxySetting } from './http-security';
import { RequestBodyGuard } from './request-body';
import { createValidationPipe } from './validation';

export type { HttpAppOptions } from './openapi/openapi-document';

/**
 * Creates a service's Nest application. Nest's own body parser stays off: bodies are read by
 * `RequestBodyGuard` (see configureHttpApp), after the other guards and with each route's limit.
 */
export async function createHttpApp(module: DynamicModule, logger: LogLevel[] | false): Promise<NestExpressApplication> {
  return NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
}

/**
 * The HTTP conventions shared by every service: security headers, CORS from CORS_ORIGINS, body
 * limits and strict input, validation, rate limits (PlatformModule), error shape, correlation
 * ids, the OpenAPI document (/docs, /docs-json). Settings come from the app's CommonEnvironment.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const env = app.get(CommonEnvironment);
  const express = app.getHttpAdapter().getInstance() as {
    disable?: (setting: string) => void;
    set?: (setting: string, value: unknown) => void;
  };
  express.disable?.('x-powered-by');
  express.set?.('trust proxy', trustProxySetting(env.HTTP_TRUST_PROXY));
  const cors = corsOptions(env);
  if (cors) app.enableCors(cors);
  applySecurityHeaders(app);
  app.use(correlationMiddleware);
  // spans, request durations and access logs (ObservabilityModule), once the correlation id is known
  app.use(app.get(HttpTelemetry).middleware);
  // after the APP_GUARDs (authentication, rate limits), which Nest registered when it created the app
  app.useGlobalGuards(
    new RequestBodyGuard(app.get(Reflector), { defaultLimit: env.HTTP_JSON_BODY_LIMIT, maxDepth: env.HTTP_JSON_MAX_DEPTH }),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  serveOpenApiDocument(app, buildOpenApiDocument(app, options));
}
