import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cheapAsyncResourceBind } from './async-resource-bind';
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
 * Express), with what every request passes through, routed or not: one `onRequest` hook (security
 * headers, the correlation id, then spans, request durations and access logs), and the error
 * filter, which also answers the URLs Fastify cannot route. Fastify reads no body itself: its
 * content-type parsers are replaced by one that leaves the stream unread for `RequestBodyGuard`
 * (see configureHttpApp), which reads it after the other guards and with each route's limit, and
 * for the upload interceptor of multipart routes.
 */
export async function createHttpApp(
  module: DynamicModule,
  env: Pick<CommonEnvironment, 'HTTP_TRUST_PROXY'>,
  logger: LogLevel[] | false,
): Promise<NestFastifyApplication> {
  // Fastify binds each request body's parsing to an AsyncResource: Node.js 20's bind costs ~20 µs
  cheapAsyncResourceBind();
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
    // a URL Fastify cannot decode (its 400) is answered like any other error, before any hook ran
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      headers(request.raw, reply.raw);
      correlate(request, reply.raw);
      errors.answer(error, request, reply);
    },
    // no middleware (app.use) is used: everything runs in the one onRequest hook below
    skipMiddie: true,
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger, bodyParser: false });
  const telemetry = app.get(HttpTelemetry);
  // one hook rather than three middlewares; the telemetry runs last, so its context carries the id
  adapter.setOnRequestHook((request, reply, done) => {
    headers(request.raw, reply.raw);
    correlate(request, reply.raw);
    telemetry.observe(request, reply, done);
  });
  app.useGlobalFilters(errors);
  return app;
}

/**
 * The HTTP conventions shared by every service, beyond what createHttpApp set: CORS from
 * CORS_ORIGINS, body limits and strict input, validation, rate limits (PlatformModule), the
 * OpenAPI document (/docs, /docs-json). Settings come from the app's CommonEnvironment.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const env = app.get(CommonEnvironment);
  const cors = corsOptions(env);
  if (cors) app.enableCors(cors);
  // after the APP_GUARDs (authentication, rate limits), which Nest registered when it created the app
  app.useGlobalGuards(
    new RequestBodyGuard(app.get(Reflector), { defaultLimit: env.HTTP_JSON_BODY_LIMIT, maxDepth: env.HTTP_JSON_MAX_DEPTH }),
  );
  app.useGlobalPipes(createValidationPipe());
  serveOpenApiDocument(app, buildOpenApiDocument(app, options));
}
