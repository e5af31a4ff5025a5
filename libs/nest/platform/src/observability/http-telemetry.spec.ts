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
import fastify from 'fastify';
import { correlate } from '../correlation';
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
  // the hook as createHttpApp sets it, on a bare Fastify server
  const app = fastify();
  app.addHook('onRequest', (request, reply, done) => {
    correlate(request as typeof request & { correlationId?: string }, reply.raw);
    telemetry.observe(request, reply, done);
  });
  app.get('/v1/tickets/:ticketId', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    seenInHandler.push(activeLogContext());
    return {};
  });
  app.get('/health/live', async () => ({ status: 'ok' }));
  let base = '';
  beforeAll(async () => {
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('labels by route template and status, continues the caller trace, and logs the access line with the ids', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stop = processLogOutput.subscribe((line) => lines.push(JSON.parse(line)));
    const caller = tracing.tracer.startSpan('caller', {}, ROOT_CONTEXT);
    try {
      const ticket = await fetch(`${base}/v1/tickets/t-123`, {
        headers: { 'x-correlation-id': 'corr-http', traceparent: traceHeadersOf(trace.setSpan(ROOT_CONTEXT, caller)).traceparent! },
      });
      expect(ticket.status).toBe(200);
      expect(ticket.headers.get('x-correlation-id')).toBe('corr-http');
      await ticket.text();
      const nowhere = await fetch(`${base}/nowhere`);
      expect(nowhere.status).toBe(404);
      await nowhere.text();
      const live = await fetch(`${base}/health/live`);
      expect(live.status).toBe(200);
      await live.text();
      // the response's finish event follows its last byte
      await new Promise((resolve) => setTimeout(resolve, 50));
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
