import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  activeLogContext,
  createServiceLogger,
  processLogOutput,
  ServiceMetrics,
  ServiceTracing,
  traceHeadersOf,
} from '@support/observability';
import express from 'express';
import request from 'supertest';
import { correlationMiddleware } from '../correlation';
import { HttpTelemetry } from './http-telemetry';

describe('HttpTelemetry (the HTTP span, duration histogram and access log of a request)', () => {
  const metrics = new ServiceMetrics({ service: 'svc', version: '1', databaseRefreshMs: 0 });
  const tracing = new ServiceTracing({ service: 'svc', version: '1' });
  const spans = new InMemorySpanExporter();
  tracing.addSpanProcessor(new SimpleSpanProcessor(spans));
  const telemetry = new HttpTelemetry(
    'svc',
    metrics,
    tracing,
    createServiceLogger({ service: 'svc', version: '1', level: 'debug', format: 'json' }),
  );
  const seenInHandler: Array<ReturnType<typeof activeLogContext>> = [];
  const app = express();
  app.use(correlationMiddleware);
  app.use(telemetry.middleware);
  app.get('/v1/tickets/:ticketId', async (_req, res) => {
    await new Promise((resolve) => setImmediate(resolve));
    seenInHandler.push(activeLogContext());
    res.status(200).json({});
  });
  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));

  it('labels by route template and status, continues the caller trace, and logs the access line with the ids', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stop = processLogOutput.subscribe((line) => lines.push(JSON.parse(line)));
    const caller = tracing.tracer.startSpan('caller', {}, ROOT_CONTEXT);
    try {
      await request(app)
        .get('/v1/tickets/t-123')
        .set('x-correlation-id', 'corr-http')
        .set('traceparent', traceHeadersOf(trace.setSpan(ROOT_CONTEXT, caller)).traceparent!)
        .expect(200);
      await request(app).get('/nowhere').expect(404);
      await request(app).get('/health/live').expect(200);
    } finally {
      stop();
    }
    const text = (await metrics.scrape()).body;
    expect(text).toContain(
      'http_server_request_duration_seconds_count{service="svc",method="GET",route="/v1/tickets/:ticketId",status="200"} 1',
    );
    expect(text).toContain('http_server_request_duration_seconds_count{service="svc",method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('t-123');

    const [server] = spans.getFinishedSpans().filter((span) => span.name.startsWith('GET '));
    expect(server.name).toBe('GET /v1/tickets/:ticketId');
    expect(server.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);
    // probes get no span
    expect(spans.getFinishedSpans().map((span) => span.name)).not.toContain('GET /health/live');

    expect(seenInHandler[0]).toEqual({
      service: 'svc',
      correlationId: 'corr-http',
      traceId: server.spanContext().traceId,
      spanId: server.spanContext().spanId,
    });
    expect(lines.find((line) => line['route'] === '/v1/tickets/:ticketId')).toMatchObject({
      msg: 'http request',
      level: 'info',
      status: 200,
      correlationId: 'corr-http',
      traceId: server.spanContext().traceId,
      path: '/v1/tickets/t-123',
    });
    expect(lines.find((line) => line['path'] === '/health/live')).toMatchObject({ level: 'debug' });
  });
});
