import { context as contextApi, trace, TraceFlags, type Context, type Span as ApiSpan, type SpanOptions } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  RandomIdGenerator,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type ReadableSpan,
  type Sampler,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { Tracer } from '@opentelemetry/api';
import { installContextManager } from './telemetry-context';

export interface TracingSettings {
  service: string;
  version: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans are exported over OTLP/HTTP to `<endpoint>/v1/traces`; unset, nothing is exported */
  otlpEndpoint?: string;
  /** OTEL_EXPORTER_OTLP_HEADERS: `key=value,key=value` sent with every export (an API key) */
  otlpHeaders?: string;
  /** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the OpenTelemetry specification names them */
  sampler?: string;
  samplerArg?: number;
}

export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

function samplerFrom(name: string | undefined, arg: number | undefined): Sampler {
  const ratio = new TraceIdRatioBasedSampler(arg ?? 1);
  switch (name ?? 'parentbased_always_on') {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

export function parseOtlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

/**
 * Span processors that can be added after the provider exists (the SDK takes its processors at
 * construction only): the OTLP exporter at start-up, an in-memory exporter in a test.
 */
class AttachableSpanProcessor implements SpanProcessor {
  private readonly processors: SpanProcessor[] = [];

  add(processor: SpanProcessor): void {
    this.processors.push(processor);
  }

  get empty(): boolean {
    return this.processors.length === 0;
  }

  onStart(span: Span, parentContext: Context): void {
    for (const processor of this.processors) processor.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    for (const processor of this.processors) processor.onEnd(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
  }
}

/**
 * One service's tracer: its own provider (resource service.name/version), so several services in
 * one test process keep their names. It is not registered as the global provider; code gets the
 * tracer from here. Spans are always created (their ids travel in logs and Kafka headers); they
 * leave the process only when an exporter is attached.
 */
export class ServiceTracing {
  readonly tracer: Tracer;
  private readonly provider: NodeTracerProvider;
  private readonly processors = new AttachableSpanProcessor();

  constructor(readonly settings: TracingSettings) {
    installContextManager();
    const sampler = samplerFrom(settings.sampler, settings.samplerArg);
    this.provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.service, [ATTR_SERVICE_VERSION]: settings.version }),
      sampler,
      spanProcessors: [this.processors],
    });
    this.tracer = new IdOnlyUntilExported(this.provider.getTracer(settings.service, settings.version), this.processors, sampler);
    if (settings.otlpEndpoint) {
      const url = `${settings.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
      this.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url, headers: parseOtlpHeaders(settings.otlpHeaders) })));
    }
  }

  get exporting(): boolean {
    return Boolean(this.settings.otlpEndpoint);
  }

  /** Adds a processor (an exporter) to every span this service ends from now on. */
  addSpanProcessor(processor: SpanProcessor): void {
    this.processors.add(processor);
  }

  /** Sends what is buffered and stops exporting (on shutdown). */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}

/**
 * While no processor is attached (no OTLP endpoint: the default), a span would be recorded for
 * nobody: this tracer then hands out non-recording spans that only carry ids (the parent's trace
 * id and sampled flag, a new span id), which is all logs and Kafka headers need, at a fraction of
 * a recorded span's cost per event. Once something exports, spans are the SDK's.
 */
class IdOnlyUntilExported implements Tracer {
  private readonly ids = new RandomIdGenerator();

  constructor(
    private readonly sdk: Tracer,
    private readonly processors: AttachableSpanProcessor,
    private readonly sampler: Sampler,
  ) {}

  startSpan(name: string, options: SpanOptions = {}, parent: Context = contextApi.active()): ApiSpan {
    if (!this.processors.empty) return this.sdk.startSpan(name, options, parent);
    const parentContext = options.root ? undefined : trace.getSpanContext(parent);
    if (parentContext && trace.isSpanContextValid(parentContext)) {
      return trace.wrapSpanContext({
        traceId: parentContext.traceId,
        spanId: this.ids.generateSpanId(),
        traceFlags: parentContext.traceFlags,
      });
    }
    const traceId = this.ids.generateTraceId();
    const decision = this.sampler.shouldSample(
      parent,
      traceId,
      name,
      options.kind ?? 0,
      options.attributes ?? {},
      options.links ?? [],
    ).decision;
    const traceFlags = decision === SamplingDecision.RECORD_AND_SAMPLED ? TraceFlags.SAMPLED : TraceFlags.NONE;
    return trace.wrapSpanContext({ traceId, spanId: this.ids.generateSpanId(), traceFlags });
  }

  startActiveSpan<F extends (span: ApiSpan) => unknown>(name: string, ...args: unknown[]): ReturnType<F> {
    const fn = args[args.length - 1] as F;
    const options = (args.length > 1 ? args[0] : {}) as SpanOptions;
    const parent = (args.length > 2 ? args[1] : contextApi.active()) as Context;
    const span = this.startSpan(name, options, parent);
    return contextApi.with(trace.setSpan(parent, span), fn as (span: ApiSpan) => ReturnType<F>, undefined, span);
  }
}
