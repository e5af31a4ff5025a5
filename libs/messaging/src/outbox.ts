import { context, createContextKey, SpanKind, trace, type Context } from '@opentelemetry/api';
import { encodeEvent, type EncodedEvent, type EventDefinition, type EventOrigin } from '@support/contracts';
import { traceHeadersOf } from '@support/observability';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { MessagingTelemetry } from './messaging-telemetry';

export interface PendingEvent<T extends object = object> {
  definition: EventDefinition<T>;
  data: T;
  origin: EventOrigin;
}

/** One pending event; `pending(definition, data, origin)` keeps the payload type checked. */
export function pending<T extends object>(definition: EventDefinition<T>, data: NoInfer<T>, origin: EventOrigin): PendingEvent {
  return { definition: definition as unknown as EventDefinition<object>, data, origin };
}

type OutboxRow = [string, string, string, string, string, string, Date, string | null, string | null];

/**
 * The trace context of each event a consumed batch is handling, by event id: an event a handler
 * causes continues the trace of the event that caused it (its causation id), even when the batch
 * holds many tickets' events.
 */
const CAUSE_CONTEXTS = createContextKey('support.cause_contexts');

export function withCauseContexts(parent: Context, byEventId: ReadonlyMap<string, Context>): Context {
  return parent.setValue(CAUSE_CONTEXTS, byEventId);
}

/** The context of a consumed event of the batch in progress (its span, correlation id), else the active one. */
export function contextOfEvent(eventId: string): Context {
  const active = context.active();
  const causes = active.getValue(CAUSE_CONTEXTS) as ReadonlyMap<string, Context> | undefined;
  return causes?.get(eventId) ?? active;
}

function parentContextOf(origin: EventOrigin): Context {
  return origin.causationId ? contextOfEvent(origin.causationId) : context.active();
}

/**
 * Records events in the caller's transaction. The relay publishes them after commit, so an event
 * exists if and only if the change that caused it was committed.
 *
 * Inside `collect(manager, work)` (the consume step wraps every batch in it) events are not
 * inserted one by one: they are gathered in order and written with one multi-row insert just
 * before the transaction commits, so a batch of 200 messages costs one outbox statement.
 */
export class OutboxWriter {
  private readonly committedListeners: Array<() => void> = [];
  private readonly collecting = new WeakMap<QueryRunner, OutboxRow[]>();

  constructor(
    private readonly source: string,
    private readonly telemetry?: MessagingTelemetry,
  ) {}

  /** Records one event; answers it as written (its id, and `event`, the envelope, read on demand). */
  async add<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: NoInfer<T>,
    origin: EventOrigin,
  ): Promise<EncodedEvent<T>> {
    const [event] = await this.addMany(manager, [pending(definition, data, origin)]);
    return event as EncodedEvent<T>;
  }

  /**
   * Records several events in the given order (the relay keeps it), with one multi-row insert.
   * Answers them as written; nothing on this path parses an event back from its JSON.
   */
  async addMany(manager: EntityManager, events: PendingEvent[]): Promise<EncodedEvent[]> {
    if (events.length === 0) return [];
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error(`outbox: ${events[0].definition.type} must be written inside the transaction of the change it reports`);
    }
    // a loop, not closures made per call (CONTRIBUTING.md, "Hot paths")
    const written: EncodedEvent[] = [];
    const rows: OutboxRow[] = [];
    for (const pendingEvent of events) {
      const { definition, data, origin } = pendingEvent;
      const encoded = encodeEvent(definition, data, { source: this.source, origin });
      const { traceparent, tracestate } = this.traceOfWrite(encoded, pendingEvent);
      written.push(encoded);
      rows.push([
        encoded.id,
        definition.topic,
        definition.key(data),
        encoded.type,
        origin.correlationId,
        encoded.json,
        encoded.time,
        traceparent ?? null,
        tracestate ?? null,
      ]);
    }
    const collected = this.collecting.get(runner);
    if (collected) collected.push(...rows);
    else await insertOutboxRows(manager, rows);
    return written;
  }

  /**
   * Runs `work` in the manager's open transaction, gathering every event it records, and writes
   * them all with one insert when it returns. Returns how many events were written.
   */
  async collect(manager: EntityManager, work: () => Promise<void>): Promise<number> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('outbox: collect needs an open transaction');
    if (this.collecting.has(runner)) throw new Error('outbox: collect does not nest');
    const rows: OutboxRow[] = [];
    this.collecting.set(runner, rows);
    try {
      await work();
    } finally {
      this.collecting.delete(runner);
    }
    await insertOutboxRows(manager, rows);
    return rows.length;
  }

  /**
   * A producer span for the event's write, child of the work that caused it (the HTTP request, or
   * the consumed event named by its causation id); its context goes on the Kafka message. Without
   * a tracer the caller's context is passed on as it is.
   */
  private traceOfWrite(event: EncodedEvent, pendingEvent: PendingEvent) {
    const parent = parentContextOf(pendingEvent.origin);
    if (!this.telemetry) return traceHeadersOf(parent);
    const span = this.telemetry.tracer.startSpan(`create ${pendingEvent.definition.topic}`, { kind: SpanKind.PRODUCER }, parent);
    if (span.isRecording()) {
      span.setAttributes({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'create',
        'messaging.destination.name': pendingEvent.definition.topic,
        'messaging.message.id': event.id,
        'cloudevents.event_type': event.type,
        'support.correlation_id': pendingEvent.origin.correlationId,
      });
    }
    span.end();
    return traceHeadersOf(trace.setSpan(parent, span));
  }

  /** Lets the relay publish right away instead of at its next poll. */
  notifyCommitted(): void {
    for (const listener of this.committedListeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }
}

// mysql2 caps one packet at max_allowed_packet (16 MiB by default): big batches go in slices
const ROWS_PER_INSERT = 500;

async function insertOutboxRows(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager.query(
      'INSERT INTO outbox_message (event_id, topic, message_key, type, correlation_id, payload, created_at, traceparent, tracestate) VALUES ?',
      [rows.slice(start, start + ROWS_PER_INSERT)],
    );
  }
}
