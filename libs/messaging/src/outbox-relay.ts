import { SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { CLOUDEVENTS_CONTENT_TYPE } from '@support/contracts';
import { contextFromTraceHeaders } from '@support/observability';
import type { IHeaders, Producer, TopicMessages } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CountsByLabels, type MessagingTelemetry } from './messaging-telemetry';
import { PollingLoop } from './polling-loop';

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  /** a woken pass starts at least this long after the previous pass started (0: at once) */
  lingerMs?: number;
  /** published rows are kept this long (to answer "was it sent?"), then deleted */
  retentionMs?: number;
  /** most expired rows one prune deletes (a full one is followed by the next at once); default 5,000 */
  pruneBatchSize?: number;
  /** counts published events; one span per published batch, linked to each event's write */
  telemetry?: MessagingTelemetry;
}

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  type: string;
  correlation_id: string;
  payload: string;
  traceparent: string | null;
  tracestate: string | null;
}

/**
 * The relay's claim: the oldest unpublished rows, locked. Always through the unpublished index,
 * whatever the optimizer would pick: it chose the primary key on small tables (every row locked
 * in id order, the index entries not) and the index on others, and two relays that took different
 * paths locked the same row's two entries in opposite orders. One then held a row's index entry
 * and waited for its record, which the other held while its mark as published waited for that
 * entry: a deadlock after the send, so the batch went out twice. On one path every relay queues
 * at the first entry holding nothing. The index is also the short way on a large table, where
 * published rows wait a day for the prune.
 */
export const CLAIM_UNPUBLISHED = `SELECT id, topic, message_key, type, correlation_id, payload, traceparent, tracestate
  FROM outbox_message FORCE INDEX (idx_outbox_unpublished)
  WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE`;

/**
 * Publishes committed outbox rows in commit order. Rows are claimed with FOR UPDATE (not SKIP
 * LOCKED): a second replica waits instead of overtaking, so one key's events never reorder.
 * A crash between send and mark re-sends the batch; consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly retentionMs: number;
  private readonly pruneBatchSize: number;
  private readonly loop: PollingLoop;
  /** when the last prune started (0: never, or the last one was full and more rows wait) */
  private lastCleanup = 0;
  private readonly telemetry?: MessagingTelemetry;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Pick<Producer, 'sendBatch'>,
    private readonly logger: RelayLogger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.retentionMs = options.retentionMs ?? 24 * 3600_000;
    this.pruneBatchSize = options.pruneBatchSize ?? 5000;
    this.telemetry = options.telemetry;
    this.loop = new PollingLoop(
      async () => {
        const published = await this.relayOnce();
        const expiredWaiting = await this.cleanupIfDue();
        return { moreWaiting: published === this.batchSize || expiredWaiting };
      },
      {
        intervalMs: options.pollIntervalMs ?? 100,
        minGapMs: options.lingerMs ?? 0,
        onError: (error, failures) => this.logger.warn(`outbox relay failed (attempt ${failures}): ${error.message}`),
        onRecovered: () => this.logger.log('outbox relay recovered'),
      },
    );
  }

  get healthy(): boolean {
    return this.loop.isRunning && this.loop.consecutiveFailures < 3;
  }

  get lastError(): string | null {
    return this.loop.lastError;
  }

  start(): void {
    this.loop.start();
  }

  /** Finishes the batch in flight, then stops. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** Publishes one batch; returns how many events went out. */
  async relayOnce(): Promise<number> {
    // READ COMMITTED: the scan locks only the rows it returns, not gaps that concurrent outbox
    // inserts need (repeatable read made replicas deadlock with writers now and then)
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: PendingRow[] = await manager.query(CLAIM_UNPUBLISHED, [this.batchSize]);
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, TopicMessages>();
      for (const row of rows) {
        let topicMessages = byTopic.get(row.topic);
        if (!topicMessages) {
          topicMessages = { topic: row.topic, messages: [] };
          byTopic.set(row.topic, topicMessages);
        }
        const headers: IHeaders = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, correlationid: row.correlation_id };
        // W3C Trace Context next to the CloudEvents correlation id: the consumer continues the trace
        if (row.traceparent) headers['traceparent'] = row.traceparent;
        if (row.tracestate) headers['tracestate'] = row.tracestate;
        topicMessages.messages.push({ key: row.message_key, value: row.payload, headers });
      }
      await this.send([...byTopic.values()], rows);
      const ids: string[] = [];
      for (const row of rows) ids.push(row.id);
      await manager.query(`UPDATE outbox_message SET published_at = ? WHERE id IN (?)`, [new Date(), ids]);
      return rows.length;
    });
  }

  /** One sendBatch; with telemetry, a span linked to every event's write and the produced counts. */
  private async send(topicMessages: TopicMessages[], rows: PendingRow[]): Promise<void> {
    if (!this.telemetry) {
      await this.producer.sendBatch({ topicMessages, acks: -1 });
      return;
    }
    const span = this.telemetry.tracer.startSpan('send outbox', {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.batch.message_count': rows.length },
    });
    // links cost a parse per row: only for a span that is recorded (exported)
    if (span.isRecording()) {
      const links: Link[] = [];
      for (const row of rows) {
        if (!row.traceparent) continue;
        const linked = trace.getSpanContext(
          contextFromTraceHeaders({ traceparent: row.traceparent, tracestate: row.tracestate ?? undefined }),
        );
        if (linked) links.push({ context: linked });
      }
      span.addLinks(links);
    }
    try {
      await this.producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
    const counts = new CountsByLabels<'topic' | 'type'>();
    for (const row of rows) counts.add({ topic: row.topic, type: row.type });
    counts.addTo(this.telemetry.produced);
  }

  /**
   * Deletes published rows older than the retention, at most `pruneBatchSize` (one bounded
   * statement). Returns whether more may be waiting: a full prune is followed by the next at
   * once instead of a minute later, or a service publishing more than a batch a minute (83
   * events/s at the default) would keep its published rows longer and longer, without bound.
   */
  async pruneOnce(now = Date.now()): Promise<boolean> {
    const result: { affectedRows?: number } = await this.dataSource.query(
      'DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < ? LIMIT ?',
      [new Date(now - this.retentionMs), this.pruneBatchSize],
    );
    return (result.affectedRows ?? 0) >= this.pruneBatchSize;
  }

  /** A prune once a minute, and at once again while the last one was full. */
  private async cleanupIfDue(): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return false;
    // set first: a prune that fails is tried again a minute later, not on every pass
    this.lastCleanup = now;
    const expiredWaiting = await this.pruneOnce(now);
    if (expiredWaiting) this.lastCleanup = 0;
    return expiredWaiting;
  }
}
