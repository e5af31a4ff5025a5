import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import { correlate } from './correlation';
import { CommonEnvironment } from './environment';
import { HttpErrorFilter } from './http-error.filter';
import { HttpTelemetry } from './observability/http-telemetry';
import { buildOpenApiDocument, serveOpenApiDocument, type HttpAppOptions } from './openapi/openapi-document';
import { corsOptions, securityHeaders, trustProxySetting } from './http-security';
import { RequestBodyGuard } from './request-body';
import { createValidationPipe } from './validation';

export type { HttpAppOptions } from './openapi/openapi-document';

/**
 * Creates a service's Nest application on Fastify (see the README of this library for why not
 * Express). Fastify reads no body itself: its content-type parsers are replaced by one that leaves
 * the stream unread for `RequestBodyGuard` (see configureHttpApp), which reads it after the other
 * guards and with each route's limit, and for the upload interceptor of multipart routes.
 */
export async function createHttpApp(
  module: DynamicModule,
  env: Pick<CommonEnvironment, 'HTTP_TRUST_PROXY'>,
  logger: LogLevel[] | false,
): Promise<NestFastifyApplication> {
  const headers = securityHeaders();
  const errors = new HttpErrorFilter();
  const adapter = new FastifyAdapter({
    trustProxy: trustProxySetting(env.HTTP_TRUST_PROXY),
    routerOptions: {
      // as Express did: /v1/tickets/ and /V1/Tickets are /v1/tickets (parameters keep their case)
      ignoreTrailingSlash: true,
      caseSensitive: false,
      // a path parameter is as long as the request line allows; the route's pipe says what is wrong with it
      maxParamLength: 16 * 1024,
    },
    // a URL Fastify cannot decode answers like any other bad request, before any hook has run
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      headers(request.raw, reply.raw);
      correlate(request, reply.raw);
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      errors.answer(new ApiError(status, 'bad_request', `the request cannot be read: ${error.message}`), request, reply);
    },
    // no middleware (app.use) is used: everything runs in one onRequest hook (configureHttpApp)
    skipMiddie: true,
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  return NestFactory.create<NestFastifyApplication>(module, adapter, { logger, bodyParser: false });
}

/**
 * The HTTP conventions shared by every service: security headers, CORS from CORS_ORIGINS, body
 * limits and strict input, validation, rate limits (PlatformModule), error shape, correlation
 * ids, the OpenAPI document (/docs, /docs-json). Settings come from the app's CommonEnvironment.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const env = app.get(CommonEnvironment);
  const cors = corsOptions(env);
  if (cors) app.enableCors(cors);
  const headers = securityHeaders();
  const telemetry = app.get(HttpTelemetry);
  // one hook rather than three middlewares: headers, then the correlation id, then spans,
  // request durations and access logs (ObservabilityModule), which carry that id
  (app.getHttpAdapter() as FastifyAdapter).setOnRequestHook((request, reply, done) => {
    headers(request.raw, reply.raw);
    correlate(request, reply.raw);
    telemetry.observe(request, reply, done);
  });
  // after the APP_GUARDs (authentication, rate limits), which Nest registered when it created the app
  app.useGlobalGuards(
    new RequestBodyGuard(app.get(Reflector), { defaultLimit: env.HTTP_JSON_BODY_LIMIT, maxDepth: env.HTTP_JSON_MAX_DEPTH }),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  serveOpenApiDocument(app, buildOpenApiDocument(app, options));
}
