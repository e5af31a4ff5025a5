import { trace, type Tracer } from '@opentelemetry/api';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Admin } from 'kafkajs';
import type { DataSource } from 'typeorm';

/** Label values counted over a batch, added to a counter once per distinct set. */
export class CountsByLabels<L extends string> {
  private readonly counts = new Map<string, { labels: Record<L, string>; n: number }>();

  add(labels: Record<L, string>, n = 1): void {
    const key = Object.values(labels).join('\u0000');
    const entry = this.counts.get(key);
    if (entry) entry.n += n;
    else this.counts.set(key, { labels, n });
  }

  addTo(counter: Counter<L>): void {
    for (const { labels, n } of this.counts.values()) counter.inc(labels, n);
    this.counts.clear();
  }
}

/**
 * The messaging library's metrics and tracer for one service. Counters move in memory, once per
 * batch and label set; the outbox and inbox gauges are read from the database by
 * `readTableGauges`, which the service calls on scrape (never per event).
 */
export class MessagingTelemetry {
  readonly consumed: Counter<'consumer' | 'topic' | 'type' | 'outcome'>;
  readonly produced: Counter<'topic' | 'type'>;
  readonly deadLettered: Counter<'consumer' | 'topic' | 'type' | 'reason'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  /** one per consumer transaction (a slice of a fetch with events to handle): parse → commit, retries included */
  readonly transactionSeconds: Histogram<'consumer' | 'topic'>;
  /** one per consumer transaction: the distinct events it was given */
  readonly transactionEvents: Histogram<'consumer' | 'topic'>;
  readonly groupLag: Gauge<'topic' | 'partition'>;
  readonly outboxBacklog: Gauge;
  readonly outboxOldestAge: Gauge;
  readonly inboxRows: Gauge;

  constructor(
    registry: Registry,
    readonly tracer: Tracer = trace.getTracer('support-messaging'),
    /** the service name log lines of a consumed batch carry */
    readonly service?: string,
  ) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'support_events_consumed_total',
      help: 'Events a consumer received, by topic, type and outcome (processed, duplicate, ignored: a type it does not handle)',
      labelNames: ['consumer', 'topic', 'type', 'outcome'],
      registers,
    });
    this.produced = new Counter({
      name: 'support_events_produced_total',
      help: 'Events the outbox relay published to Kafka, by topic and type',
      labelNames: ['topic', 'type'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'support_events_dead_lettered_total',
      help: 'Messages a consumer sent to support.dlq, by origin topic, type ("unknown" when unreadable) and reason',
      labelNames: ['consumer', 'topic', 'type', 'reason'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'support_consumer_lag_messages',
      help: 'Messages behind the partition high watermark after the last batch this replica handled (highWatermark - next offset)',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.transactionSeconds = new Histogram({
      name: 'support_consumer_transaction_seconds',
      help: 'Time a consumer took over one transaction of a fetched batch, from parsing its messages to the commit (retries included), by consumer and topic',
      labelNames: ['consumer', 'topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.transactionEvents = new Histogram({
      name: 'support_consumer_transaction_events',
      help: 'Distinct events one consumer transaction was given (a fetched batch, or a slice of a large one), by consumer and topic',
      labelNames: ['consumer', 'topic'],
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
      registers,
    });
    this.groupLag = new Gauge({
      name: 'support_consumer_group_lag_messages',
      help: "The service's consumer group, every partition it has committed offsets for: high watermark - committed offset (read from the broker on scrape; every replica reports the same)",
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.outboxBacklog = new Gauge({
      name: 'support_outbox_backlog_events',
      help: 'Committed events the relay has not published yet',
      registers,
    });
    this.outboxOldestAge = new Gauge({
      name: 'support_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none)',
      registers,
    });
    this.inboxRows = new Gauge({
      name: 'support_inbox_events',
      help: "Rows of the inbox (event ids consumed within the retention window), from InnoDB's table statistics (an estimate)",
      registers,
    });
  }

  /**
   * The group's lag as the broker sees it: committed offsets against high watermarks, so a
   * consumer stuck on a message or a partition nobody consumes shows, unlike the per-batch gauge.
   */
  async readGroupLag(admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>, groupId: string, topics: string[]): Promise<void> {
    const committed = topics.length === 0 ? [] : await admin.fetchOffsets({ groupId, topics });
    const lag = new Map<string, number>();
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        // no commit yet (-1): everything from the start of the log is behind
        const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
        lag.set(`${topic}\u0000${partition}`, Math.max(0, Number(end.high) - from));
      }
    }
    this.groupLag.reset();
    for (const [key, value] of lag) {
      const [topic, partition] = key.split('\u0000');
      this.groupLag.set({ topic, partition }, value);
    }
  }

  /** One read of the outbox backlog (an index range: unpublished rows only) and the inbox's row estimate. */
  async readTableGauges(dataSource: DataSource): Promise<void> {
    const [backlog]: Array<{ n: string | number; oldest: Date | null }> = await dataSource.query(
      'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_message WHERE published_at IS NULL',
    );
    this.outboxBacklog.set(Number(backlog?.n ?? 0));
    this.outboxOldestAge.set(backlog?.oldest ? Math.max(0, (Date.now() - new Date(backlog.oldest).getTime()) / 1000) : 0);
    // an exact COUNT(*) walks the whole table (millions of rows at 14 days' retention)
    const [inbox]: Array<{ n: string | number | null }> = await dataSource.query(
      "SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'inbox_event'",
    );
    this.inboxRows.set(Number(inbox?.n ?? 0));
  }
}
