import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { InvalidEventError, type EventDefinition, type EventOrigin, type SupportEvent } from '@support/contracts';
import { contextFromTraceHeaders, withCorrelation } from '@support/observability';
import { isTransientDatabaseError } from '@support/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { admit, distinctEvents, runsOfOneType, type Admitted } from './consume-stages';
import type { ConsumerFailures } from './consumer-failures';
import type { DeadLetterPublisher, ReceivedMessage } from './dead-letter';
import { InboxDuplicatesFound, type Inbox, type InboxEntry } from './inbox';
import { CountsByLabels, type MessagingTelemetry } from './messaging-telemetry';
import { contextOfEvent, withCauseContexts, type OutboxWriter } from './outbox';
import { retryTransient, TRANSIENT_RETRY, type RetryPolicy } from './transient-retry';

/** How often a batch in progress offers kafkajs a heartbeat (it sends one when its interval is due). */
const HEARTBEAT_WHILE_HANDLING_MS = 500;

export interface HandlerContext {
  /** the transaction that also records the event id in the inbox */
  manager: EntityManager;
  /** pass to the outbox for events this handler causes */
  origin: EventOrigin;
  topic: string;
}

export interface BatchContext {
  /** the batch's one transaction: inbox rows, every handler's effects and their outbox rows */
  manager: EntityManager;
  topic: string;
}

/** The origin to give events caused by `event`: same flow, caused by it. */
export function originOf(event: SupportEvent): EventOrigin {
  return { correlationId: event.correlationid, causationId: event.id };
}

export type EventHandler<T> = (event: SupportEvent<T>, context: HandlerContext) => Promise<void>;
/**
 * Receives consecutive events of one type, in partition order. It must leave the same state as
 * handling them one after another would (two events of one ticket may be in the same call).
 */
export type BatchHandler<T> = (events: SupportEvent<T>[], context: BatchContext) => Promise<void>;

export interface HandlerBinding {
  definition: EventDefinition;
  handle: BatchHandler<object>;
}

/** The inbox row of an admitted event (module-level: a per-call closure is compiled again after each full GC). */
function inboxEntryOf(item: Admitted<HandlerBinding>): InboxEntry {
  return { id: item.event.id, type: item.event.type };
}

/** A handler of one event at a time; in a batch it runs once per event, in order, in the batch's transaction. */
export function on<T extends object>(definition: EventDefinition<T>, handler: EventHandler<T>): HandlerBinding {
  return {
    definition: definition as unknown as EventDefinition,
    handle: async (events, batchContext) => {
      for (const event of events) {
        // the event's own span and correlation id, for the handler's log lines
        await context.with(contextOfEvent(event.id), () =>
          handler(event as SupportEvent<T>, { manager: batchContext.manager, origin: originOf(event), topic: batchContext.topic }),
        );
      }
    },
  };
}

/** A set-based handler: one call for a run of events of its type (multi-row reads and writes). */
export function onBatch<T extends object>(definition: EventDefinition<T>, handler: BatchHandler<T>): HandlerBinding {
  return { definition: definition as unknown as EventDefinition, handle: handler as BatchHandler<object> };
}

/** Thrown by a handler for an event that can never be applied (not a passing failure). */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}

/**
 * What a consumer received of one topic: one partition's messages in offset order, or several
 * partitions' one after another, each in offset order (PartitionLanes hands over every partition
 * waiting for a transaction at once), with the batch's controls.
 */
export interface ReceivedBatch {
  topic: string;
  messages: ReceivedMessage[];
  /** marks everything of the message's partition up to and including it done: a later failure redelivers from after it */
  resolve?: (message: ReceivedMessage) => void;
  heartbeat?: () => Promise<void>;
  /** false once the consumer is stopping or the batch went stale (a rebalance took its partitions) */
  isRunning?: () => boolean;
  /** each partition's high watermark at its latest fetch (the lag gauge) */
  highWatermarks?: ReadonlyMap<number, string>;
}

export interface BatchOutcome {
  processed: number;
  duplicates: number;
  ignored: number;
  deadLettered: number;
}

export interface ConsumerLogger {
  warn(message: string): void;
  error(message: string): void;
  debug?(message: string): void;
}

export interface EventConsumerDependencies {
  dataSource: DataSource;
  inbox: Inbox;
  outbox: OutboxWriter;
  deadLetters: DeadLetterPublisher;
  failures: ConsumerFailures;
  logger: ConsumerLogger;
  /** counters, the lag gauge and a span per consumed event */
  telemetry?: MessagingTelemetry;
}

export interface EventConsumerOptions {
  /** failures of one message (counted durably) before it is dead-lettered */
  maxAttempts?: number;
  /** most messages handled in one transaction; a bigger fetch is cut in slices */
  maxBatchSize?: number;
  retry?: RetryPolicy;
}

/**
 * The one step every consumed message goes through, a fetch at a time:
 *
 * 1. parse and validate each message (consume-stages); what can never succeed goes to support.dlq
 *    and the consumer moves on;
 * 2. in ONE transaction per slice of the batch: record the event ids in the inbox with one
 *    multi-row insert (ids seen before make it fall back to reading which are new), run the
 *    handlers over runs of one type in partition order, and write every event they cause with
 *    one multi-row outbox insert;
 * 3. deadlocks, lock-wait timeouts and a database away are retried here with jittered back-off;
 * 4. any other failure re-runs the slice one message per transaction to find the culprit: an
 *    UnprocessableEventError is dead-lettered at once, other errors after `maxAttempts` failures
 *    counted in the database (so restarts and other replicas share the count); until then the
 *    error is thrown and Kafka redelivers from that message, the ones before it committed.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, HandlerBinding>();
  private readonly maxAttempts: number;
  private readonly maxBatchSize: number;
  private readonly retry: RetryPolicy;

  constructor(
    readonly name: string,
    bindings: HandlerBinding[],
    private readonly deps: EventConsumerDependencies,
    options: EventConsumerOptions = {},
  ) {
    for (const binding of bindings) this.handlers.set(binding.definition.type, binding);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.retry = options.retry ?? TRANSIENT_RETRY;
  }

  async consume(batch: ReceivedBatch): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { processed: 0, duplicates: 0, ignored: 0, deadLettered: 0 };
    // a slice that takes long (a slow handler, a loaded database) must not cost the consumer its
    // group membership: heartbeats go on while it runs (kafkajs sends one only when it is due)
    const heartbeats = batch.heartbeat
      ? setInterval(() => void batch.heartbeat?.().catch(() => undefined), HEARTBEAT_WHILE_HANDLING_MS)
      : null;
    try {
      for (let start = 0; start < batch.messages.length; start += this.maxBatchSize) {
        const slice = batch.messages.slice(start, start + this.maxBatchSize);
        await this.consumeSlice(batch, slice, outcome);
        this.sliceHandled(batch, slice);
        await batch.heartbeat?.();
      }
    } finally {
      if (heartbeats) clearInterval(heartbeats);
    }
    return outcome;
  }

  /** Resolves each partition's last message of a slice handled, and sets its lag from its high watermark. */
  private sliceHandled(batch: ReceivedBatch, slice: ReceivedMessage[]): void {
    for (const { last } of partitionRuns(slice)) {
      batch.resolve?.(last);
      const highWatermark = batch.highWatermarks?.get(last.partition);
      if (highWatermark !== undefined) {
        this.deps.telemetry?.consumerLag.set(
          { topic: batch.topic, partition: String(last.partition) },
          Math.max(0, Number(highWatermark) - Number(last.offset) - 1),
        );
      }
    }
  }

  private async consumeSlice(batch: ReceivedBatch, slice: ReceivedMessage[], outcome: BatchOutcome): Promise<void> {
    const startedAt = performance.now();
    const counts = new CountsByLabels<'consumer' | 'topic' | 'type' | 'outcome'>();
    const admitted: Admitted<HandlerBinding>[] = [];
    for (const message of slice) {
      const admission = admit(message, this.handlers);
      if (admission.kind === 'handle') admitted.push(admission.admitted);
      else if (admission.kind === 'ignore') {
        outcome.ignored += 1;
        counts.add({ consumer: this.name, topic: batch.topic, type: admission.type, outcome: 'ignored' });
      } else {
        await this.deadLetter(message, admission.reason, admission.detail, admission.type);
        outcome.deadLettered += 1;
      }
    }
    const { distinct } = distinctEvents(admitted);
    if (distinct.length === 0) {
      if (this.deps.telemetry) counts.addTo(this.deps.telemetry.consumed);
      return;
    }

    const traced = this.startEventSpans(batch, distinct);
    const handledIds = new Set<string>();
    const parkedIds = new Set<string>();
    let complete = false;
    try {
      await context.with(traced.sliceContext, async () => {
        try {
          for (const item of await this.inTransaction(batch, distinct)) handledIds.add(item.event.id);
        } catch (error) {
          if (isTransientDatabaseError(error)) throw this.redeliver(distinct[0], error as Error);
          await this.isolate(batch, distinct, outcome, handledIds, parkedIds);
        }
        complete = true;
        this.deps.logger.debug?.(
          `${this.name}: ${batch.topic}/${offsetRanges(slice)}: ${handledIds.size} handled, ${admitted.length - handledIds.size} duplicate(s)`,
        );
      });
    } catch (error) {
      for (const span of traced.spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      for (const span of traced.spans) span.end();
      this.countOutcomes(counts, batch.topic, admitted, { handledIds, parkedIds, complete }, outcome);
      if (this.deps.telemetry) {
        counts.addTo(this.deps.telemetry.consumed);
        const labels = { consumer: this.name, topic: batch.topic };
        this.deps.telemetry.transactionSeconds.observe(labels, (performance.now() - startedAt) / 1000);
        this.deps.telemetry.transactionEvents.observe(labels, distinct.length);
      }
    }
  }

  /**
   * processed / duplicate counts of the admitted events: an event seen twice in the fetch or
   * found in the inbox is a duplicate; dead-lettered ones are counted apart; after a failure that
   * Kafka redelivers, only those committed before it count.
   */
  private countOutcomes(
    counts: CountsByLabels<'consumer' | 'topic' | 'type' | 'outcome'>,
    topic: string,
    admitted: Admitted<HandlerBinding>[],
    slice: { handledIds: ReadonlySet<string>; parkedIds: ReadonlySet<string>; complete: boolean },
    outcome: BatchOutcome,
  ): void {
    const firstSeen = new Set<string>();
    for (const item of admitted) {
      const id = item.event.id;
      const handled = slice.handledIds.has(id) && !firstSeen.has(id);
      const parked = slice.parkedIds.has(id) && !firstSeen.has(id);
      firstSeen.add(id);
      if (parked || (!handled && !slice.complete)) continue;
      if (handled) outcome.processed += 1;
      else outcome.duplicates += 1;
      counts.add({ consumer: this.name, topic, type: item.event.type, outcome: handled ? 'processed' : 'duplicate' });
    }
  }

  /**
   * A consumer span per event, continuing the trace its message's traceparent names, so a
   * ticket's trace runs on through every service whatever else shares the batch. The slice runs
   * in a context that maps event ids to those spans (the outbox parents caused events on them)
   * and carries the correlation id when the whole slice shares one.
   */
  private startEventSpans(batch: ReceivedBatch, items: Admitted<HandlerBinding>[]): { spans: Span[]; sliceContext: Context } {
    const base = context.active();
    const service = this.deps.telemetry?.service;
    const correlations = new Set(items.map((item) => item.event.correlationid));
    const shared = correlations.size === 1 ? items[0].event.correlationid : undefined;
    const byEvent = new Map<string, Context>();
    const spans: Span[] = [];
    for (const item of items) {
      const parent = contextFromTraceHeaders(item.message.headers, base);
      let eventContext = parent;
      if (this.deps.telemetry) {
        const span = this.deps.telemetry.tracer.startSpan(`process ${batch.topic}`, { kind: SpanKind.CONSUMER }, parent);
        if (span.isRecording()) {
          span.setAttributes({
            'messaging.system': 'kafka',
            'messaging.operation.type': 'process',
            'messaging.destination.name': batch.topic,
            'messaging.destination.partition.id': String(item.message.partition),
            'messaging.kafka.offset': Number(item.message.offset),
            'messaging.consumer.group.name': this.name,
            'messaging.message.id': item.event.id,
            'messaging.batch.message_count': items.length,
            'cloudevents.event_type': item.event.type,
            'support.correlation_id': item.event.correlationid,
          });
        }
        spans.push(span);
        eventContext = trace.setSpan(parent, span);
      }
      byEvent.set(item.event.id, withCorrelation(eventContext, item.event.correlationid, service));
    }
    // one event (the usual case at low load): its span is the slice's, for every log line
    const sliceBase = (items.length === 1 && byEvent.get(items[0].event.id)) || withCorrelation(base, shared, service);
    return { spans, sliceContext: withCauseContexts(sliceBase, byEvent) };
  }

  /** Handles the events in one transaction (retrying passing failures); returns those that were new. */
  private inTransaction(batch: ReceivedBatch, items: Admitted<HandlerBinding>[]): Promise<Admitted<HandlerBinding>[]> {
    let knownDuplicates = false;
    return retryTransient(
      async () => {
        try {
          return await this.transaction(batch.topic, items, knownDuplicates);
        } catch (error) {
          if (!(error instanceof InboxDuplicatesFound)) throw error;
          // some were processed before (a redelivery): read which, then handle only the others
          knownDuplicates = true;
          return this.transaction(batch.topic, items, true);
        }
      },
      this.retry,
      {
        shouldContinue: () => batch.isRunning?.() ?? true,
        onRetry: (error, attempt, delay) =>
          this.deps.logger.warn(
            `${this.name}: ${batch.topic} batch of ${items.length} retried in ${delay} ms (attempt ${attempt}): ${error.message}`,
          ),
      },
    );
  }

  private transaction(topic: string, items: Admitted<HandlerBinding>[], checkInbox: boolean): Promise<Admitted<HandlerBinding>[]> {
    // READ COMMITTED: handlers rely on locking reads, and no gap locks means concurrent batches
    // inserting beside each other (suggestions, timers, inbox rows) do not deadlock
    return this.deps.dataSource.transaction('READ COMMITTED', async (manager) => {
      let unseen = items;
      if (checkInbox) {
        const fresh = await this.deps.inbox.fresh(
          manager,
          this.name,
          items.map((item) => item.event.id),
        );
        unseen = items.filter((item) => fresh.has(item.event.id));
      }
      await this.deps.inbox.record(manager, this.name, topic, unseen.map(inboxEntryOf));
      await this.deps.outbox.collect(manager, async () => {
        for (const run of runsOfOneType(unseen)) await run.binding.handle(run.events, { manager, topic });
      });
      return unseen;
    });
  }

  /** One message per transaction, in order, to find the one that fails and deal with it alone. */
  private async isolate(
    batch: ReceivedBatch,
    items: Admitted<HandlerBinding>[],
    outcome: BatchOutcome,
    handledIds: Set<string>,
    parkedIds: Set<string>,
  ): Promise<void> {
    for (const item of items) {
      try {
        for (const handled of await this.inTransaction(batch, [item])) handledIds.add(handled.event.id);
      } catch (error) {
        if (isTransientDatabaseError(error)) throw this.redeliver(item, error as Error);
        if (error instanceof UnprocessableEventError || error instanceof InvalidEventError) {
          await this.deadLetter(item.message, 'unprocessable', error.message, item.event.type);
          outcome.deadLettered += 1;
          parkedIds.add(item.event.id);
        } else {
          const attempts = await this.deps.failures.count(this.name, item.message, (error as Error).message);
          if (attempts < this.maxAttempts) throw this.redeliver(item, error as Error, attempts);
          await this.deadLetter(item.message, 'handler_failed', `${attempts} attempts: ${(error as Error).message}`, item.event.type);
          await this.deps.failures.clear(this.name, item.message);
          outcome.deadLettered += 1;
          parkedIds.add(item.event.id);
        }
      }
      batch.resolve?.(item.message);
    }
  }

  private redeliver(item: Admitted<HandlerBinding>, error: Error, attempts?: number): Error {
    const count = attempts === undefined ? '' : ` (failure ${attempts} of ${this.maxAttempts})`;
    this.deps.logger.warn(`${this.name}: ${item.event.type} ${item.event.id} failed${count}, will be redelivered: ${error.message}`);
    return error;
  }

  private async deadLetter(message: ReceivedMessage, reason: string, detail: string, type = 'unknown'): Promise<void> {
    this.deps.logger.error(`${this.name}: ${message.topic}/${message.partition}@${message.offset} to support.dlq: ${reason}: ${detail}`);
    await this.deps.deadLetters.publish(message, this.name, reason, detail);
    this.deps.telemetry?.deadLettered.inc({ consumer: this.name, topic: message.topic, type, reason });
  }
}

/** Each partition's first and last message in a slice (a partition's messages are consecutive). */
function partitionRuns(slice: readonly ReceivedMessage[]): Array<{ first: ReceivedMessage; last: ReceivedMessage }> {
  const runs: Array<{ first: ReceivedMessage; last: ReceivedMessage }> = [];
  for (const message of slice) {
    const run = runs[runs.length - 1];
    if (run?.last.partition === message.partition) run.last = message;
    else runs.push({ first: message, last: message });
  }
  return runs;
}

/** `0@5-9,2@3-3`: each partition's first and last offset in a slice (log lines). */
function offsetRanges(slice: readonly ReceivedMessage[]): string {
  return partitionRuns(slice)
    .map(({ first, last }) => `${first.partition}@${first.offset}-${last.offset}`)
    .join(',');
}
