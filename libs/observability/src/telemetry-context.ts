import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { context, createContextKey, trace, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * What a log line or an outgoing event needs to know about the work in progress, kept in
 * OpenTelemetry's context (one AsyncLocalStorage for spans, correlation id and service): an HTTP
 * request and a consumed batch each run inside one.
 */
const CORRELATION_ID = createContextKey('support.correlation_id');
const SERVICE = createContextKey('support.service');

let contextManagerInstalled = false;

/**
 * Installs the AsyncLocalStorage context manager once per process (the API's default keeps no
 * context across awaits). Idempotent; a manager someone else installed first is kept.
 */
export function installContextManager(): void {
  if (contextManagerInstalled) return;
  contextManagerInstalled = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

export function withCorrelation(parent: Context, correlationId: string | undefined, service?: string): Context {
  let next = correlationId ? parent.setValue(CORRELATION_ID, correlationId) : parent;
  if (service) next = next.setValue(SERVICE, service);
  return next;
}

export interface LogContext {
  service?: string;
  correlationId?: string;
  traceId?: string;
  spanId?: string;
}

/** The ids a log line written now should carry (only those known). */
export function activeLogContext(): LogContext {
  const active = context.active();
  const fields: LogContext = {};
  const service = active.getValue(SERVICE);
  if (typeof service === 'string') fields.service = service;
  const correlationId = active.getValue(CORRELATION_ID);
  if (typeof correlationId === 'string') fields.correlationId = correlationId;
  const spanContext = trace.getSpanContext(active);
  if (spanContext && trace.isSpanContextValid(spanContext)) {
    fields.traceId = spanContext.traceId;
    fields.spanId = spanContext.spanId;
  }
  return fields;
}

/** W3C Trace Context, as Kafka headers (and HTTP headers) carry it. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

const propagator = new W3CTraceContextPropagator();

type HeaderValue = string | Buffer | undefined | Array<string | Buffer>;

function headerText(value: HeaderValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

/** The `traceparent`/`tracestate` of `ctx`'s span, or nothing when it has none. */
export function traceHeadersOf(ctx: Context): TraceHeaders {
  const carrier: TraceHeaders = {};
  propagator.inject(ctx, carrier, {
    set: (target, key, value) => {
      if (key === 'traceparent' || key === 'tracestate') target[key] = value;
    },
  });
  return carrier;
}

/** A context whose remote parent is the one the headers name (or `base` unchanged when they name none). */
export function contextFromTraceHeaders(headers: Record<string, HeaderValue> | undefined, base: Context = context.active()): Context {
  if (!headers) return base;
  return propagator.extract(base, headers, {
    get: (carrier, key) => headerText(carrier[key]),
    keys: (carrier) => Object.keys(carrier),
  });
}
