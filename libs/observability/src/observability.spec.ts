import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ServiceMetrics } from './metrics';
import { createServiceLogger, processLogOutput } from './logging';
import { activeLogContext, contextFromTraceHeaders, traceHeadersOf, withCorrelation } from './telemetry-context';
import { parseOtlpHeaders, ServiceTracing } from './tracing';

describe('trace context', () => {
  const tracing = new ServiceTracing({ service: 'unit', version: '1.0.0' });
  const exported = new InMemorySpanExporter();
  tracing.addSpanProcessor(new SimpleSpanProcessor(exported));

  it('writes traceparent/tracestate for a span and reads them back as the remote parent', () => {
    const span = tracing.tracer.startSpan('producer', {}, ROOT_CONTEXT);
    const headers = traceHeadersOf(trace.setSpan(ROOT_CONTEXT, span));
    expect(headers.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    const remote = contextFromTraceHeaders({ traceparent: Buffer.from(headers.traceparent!) }, ROOT_CONTEXT);
    const child = tracing.tracer.startSpan('consumer', {}, remote);
    expect(child.spanContext().traceId).toBe(span.spanContext().traceId);
    child.end();
    span.end();
    expect(exported.getFinishedSpans().map((s) => s.parentSpanContext?.spanId)).toEqual([span.spanContext().spanId, undefined]);
  });

  it('answers no headers for a context without a span, and ignores a malformed traceparent', () => {
    expect(traceHeadersOf(ROOT_CONTEXT)).toEqual({});
    expect(trace.getSpanContext(contextFromTraceHeaders({ traceparent: 'not-a-traceparent' }, ROOT_CONTEXT))).toBeUndefined();
  });

  it('gives log lines the correlation id, service and trace ids of the active context', () => {
    const span = tracing.tracer.startSpan('work', {}, ROOT_CONTEXT);
    const fields = context.with(withCorrelation(trace.setSpan(ROOT_CONTEXT, span), 'corr-1', 'svc'), () => activeLogContext());
    expect(fields).toEqual({
      service: 'svc',
      correlationId: 'corr-1',
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
    });
    span.end();
  });

  it('reads OTEL_EXPORTER_OTLP_HEADERS', () => {
    expect(parseOtlpHeaders('api-key=abc%3D,x-team = support,broken')).toEqual({ 'api-key': 'abc=', 'x-team': 'support' });
  });
});

describe('service logger', () => {
  it('writes one JSON object a line with service, version, level and the context ids', () => {
    const lines: string[] = [];
    const stop = processLogOutput.subscribe((line) => lines.push(line));
    try {
      const logger = createServiceLogger({ service: 'svc', version: '9.9.9', level: 'log', format: 'json' });
      logger.debug('hidden');
      context.with(withCorrelation(ROOT_CONTEXT, 'corr-2'), () => logger.info({ route: '/x' }, 'shown'));
    } finally {
      stop();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      service: 'svc',
      version: '9.9.9',
      correlationId: 'corr-2',
      route: '/x',
      msg: 'shown',
    });
  });
});

describe('service metrics', () => {
  it('labels every series with the service and refreshes database gauges at most as often as told', async () => {
    const metrics = new ServiceMetrics({ service: 'svc', version: '1', databaseRefreshMs: 60_000 });
    let reads = 0;
    metrics.refreshOnScrape('test', async () => {
      reads += 1;
    });
    const first = await metrics.scrape();
    await metrics.scrape();
    expect(reads).toBe(1);
    expect(first.contentType).toContain('text/plain');
    expect(first.body).toMatch(/process_cpu_user_seconds_total\{service="svc"\}/);
  });

  it('serves the last values when a database read is slow', async () => {
    const metrics = new ServiceMetrics({ service: 'svc', version: '1', databaseRefreshMs: 0 });
    metrics.refreshOnScrape('slow', () => new Promise((resolve) => setTimeout(resolve, 5_000).unref()), 20);
    await expect(metrics.scrape()).resolves.toMatchObject({ body: expect.stringContaining('http_server_request_duration_seconds') });
  });
});

describe('spans while nothing exports', () => {
  it('hands out id-only spans that continue the parent trace, and real spans once an exporter is attached', () => {
    const tracing = new ServiceTracing({ service: 'unit', version: '1' });
    const root = tracing.tracer.startSpan('root', {}, ROOT_CONTEXT);
    expect(root.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(root.spanContext())).toBe(true);
    expect(traceHeadersOf(trace.setSpan(ROOT_CONTEXT, root)).traceparent).toMatch(/-01$/);
    const child = tracing.tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root));
    expect(child.spanContext().traceId).toBe(root.spanContext().traceId);
    expect(child.spanContext().spanId).not.toBe(root.spanContext().spanId);

    const exported = new InMemorySpanExporter();
    tracing.addSpanProcessor(new SimpleSpanProcessor(exported));
    const recorded = tracing.tracer.startSpan('recorded', {}, trace.setSpan(ROOT_CONTEXT, root));
    expect(recorded.isRecording()).toBe(true);
    recorded.end();
    expect(exported.getFinishedSpans().map((span) => [span.name, span.spanContext().traceId])).toEqual([
      ['recorded', root.spanContext().traceId],
    ]);
  });

  it('samples new traces as configured when nothing exports', () => {
    const never = new ServiceTracing({ service: 'unit', version: '1', sampler: 'always_off' });
    expect(traceHeadersOf(trace.setSpan(ROOT_CONTEXT, never.tracer.startSpan('root', {}, ROOT_CONTEXT))).traceparent).toMatch(/-00$/);
  });
});

describe('OTLP export', () => {
  it('posts the spans to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces with the configured headers', async () => {
    const http = await import('node:http');
    const { execFile } = await import('node:child_process');
    const path = await import('node:path');
    const received: Array<{ url?: string; apiKey?: string | string[]; body: string }> = [];
    const collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ url: req.url, apiKey: req.headers['x-api-key'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = collector.address() as { port: number };
      const script = path.join(__dirname, '../test/export-one-span.ts');
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          ['-r', 'ts-node/register/transpile-only', script, `http://127.0.0.1:${port}/`, 'x-api-key=secret'],
          { timeout: 60_000 },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ url: '/v1/traces', apiKey: 'secret' });
      expect(received[0].body).toContain('POST /v1/tickets');
      expect(received[0].body).toContain('exported');
    } finally {
      collector.close();
    }
  }, 90_000);

  it('knows whether it exports', () => {
    expect(new ServiceTracing({ service: 'unit', version: '1' }).exporting).toBe(false);
    expect(new ServiceTracing({ service: 'unit', version: '1', otlpEndpoint: 'http://collector:4318' }).exporting).toBe(true);
  });
});
