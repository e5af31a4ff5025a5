import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { contextFromTraceHeaders, withCorrelation, type ServiceMetrics, type ServiceTracing } from '@support/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Routes probed every few seconds by the platform: no span, and their access lines are debug. */
const PROBES = /^\/(health\/|metrics$)/;

/** What the telemetry reads of a request: Fastify's, with the id `correlate` gave it. */
type ObservedRequest = Pick<FastifyRequest, 'method' | 'url' | 'headers' | 'routeOptions' | 'is404'> & { correlationId?: string };

/**
 * The three signals of an HTTP request, from one Fastify `onRequest` hook: a server span
 * (continuing the caller's `traceparent` if any) that is the active context of everything the
 * request does, the request-duration histogram by route template and status, and the access log
 * line. Runs after the correlation id is set, so that id is in the context too.
 */
export class HttpTelemetry {
  constructor(
    private readonly service: string,
    private readonly metrics: ServiceMetrics,
    private readonly tracing: ServiceTracing,
    private readonly logger: Logger,
  ) {}

  /** Observes the request until its response is sent or its connection closes; calls `next` in its context. */
  observe(request: ObservedRequest, reply: Pick<FastifyReply, 'raw'>, next: () => void): void {
    const started = process.hrtime.bigint();
    const questionMark = request.url.indexOf('?');
    const path = questionMark >= 0 ? request.url.slice(0, questionMark) : request.url;
    const probe = PROBES.test(path);
    const parent = contextFromTraceHeaders(request.headers as Record<string, string | undefined>, ROOT_CONTEXT);
    const span = probe
      ? null
      : this.tracing.tracer.startSpan(
          request.method,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': path } },
          parent,
        );
    const requestContext = withCorrelation(span ? trace.setSpan(parent, span) : parent, request.correlationId, this.service);
    const response = reply.raw;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // the route template (/v1/tickets/:ticketId), never the path: one series per route
      const route = (!request.is404 && request.routeOptions?.url) || 'unmatched';
      const status = response.headersSent ? response.statusCode : 499;
      this.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      if (span) {
        span.updateName(`${request.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      context.with(requestContext, () => {
        const line = { method: request.method, route, path, status, durationMs: Math.round(seconds * 10_000) / 10 };
        if (probe) this.logger.debug(line, 'http request');
        else this.logger.info(line, 'http request');
      });
    };
    response.once('finish', finish);
    response.once('close', finish);
    context.with(requestContext, next);
  }
}
