import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { contextFromTraceHeaders, withCorrelation, type ServiceMetrics, type ServiceTracing } from '@support/observability';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Routes probed every few seconds by the platform: no span, and their access lines are debug. */
const PROBES = /^\/(health\/|metrics$)/;

/**
 * One Express middleware for the three signals of an HTTP request: a server span (continuing the
 * caller's `traceparent` if any) that is the active context of everything the request does, the
 * request-duration histogram by route template and status, and the access log line. Runs after
 * the correlation middleware, so the request's correlation id is in the context too.
 */
export class HttpTelemetry {
  constructor(
    private readonly service: string,
    private readonly metrics: ServiceMetrics,
    private readonly tracing: ServiceTracing,
    private readonly logger: Logger,
  ) {}

  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const probe = PROBES.test(request.path);
    const parent = contextFromTraceHeaders(request.headers as Record<string, string | undefined>, ROOT_CONTEXT);
    const span = probe
      ? null
      : this.tracing.tracer.startSpan(
          request.method,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.path } },
          parent,
        );
    const correlationId = (request as Request & { correlationId?: string }).correlationId;
    const requestContext = withCorrelation(span ? trace.setSpan(parent, span) : parent, correlationId, this.service);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // the route template (/v1/tickets/:ticketId), never the path: one series per route
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const status = response.headersSent ? response.statusCode : 499;
      this.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      if (span) {
        span.updateName(`${request.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      context.with(requestContext, () => {
        const line = { method: request.method, route, path: request.path, status, durationMs: Math.round(seconds * 10_000) / 10 };
        if (probe) this.logger.debug(line, 'http request');
        else this.logger.info(line, 'http request');
      });
    };
    response.once('finish', finish);
    response.once('close', finish);
    context.with(requestContext, next);
  };
}
