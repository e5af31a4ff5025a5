import { ServerKafka, type KafkaOptions, type MessageHandler } from '@nestjs/microservices';
import { Logger } from '@nestjs/common';
import {
  ConsumerSupervisor,
  kafkaClientConfig,
  kafkaConsumerConfig,
  kafkaProducerConfig,
  PartitionLanes,
  PeriodicOffsetCommits,
  type ConsumerSupervisorOptions,
  type KafkaSettings,
  type OffsetCommitter,
  type ReceivedBatch,
  type ReceivedMessage,
} from '@support/messaging';
import type { Consumer, ConsumerConfig, EachBatchPayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';

/**
 * Nest's Kafka transport, consuming a fetch at a time: `bindEvents` runs the consumer with
 * kafkajs' `eachBatch` instead of `eachMessage`, and hands each partition's batch (fetching
 * ahead: every partition waiting, below) to the `@EventPattern(topic)` handler as its payload (a
 * ReceivedBatch: raw messages plus the batch's resolve, heartbeat and isRunning), so the shared
 * consume step can process it in one transaction. Messages stay raw bytes, so a bad one reaches
 * the dead-letter topic byte for byte.
 *
 * It also keeps the consumer running: kafkajs does not restart a consumer after errors it deems
 * non-retriable (a protocol error during a rebalance, an error thrown out of a batch), and Nest
 * leaves it dead. Every crash goes to a ConsumerSupervisor, which restarts the consumer with
 * back-off and declares it failed (liveness) when crashes keep coming while the broker answers.
 *
 * With its own offset commits (KAFKA_COMMIT_INTERVAL_MS > 0) it fetches on while transactions
 * run (PartitionLanes): each fetch's messages join their partition's queue, and the next
 * transaction takes everything queued meanwhile on every partition of its topic, so a lagging
 * consumer handles its backlog in a few large transactions, no partition waits for one transaction
 * per other partition, and no fetch waits for a transaction. A batch that fails in its lanes
 * crashes the consumer as a batch thrown to kafkajs does.
 */
export interface ConsumerSupervision extends ConsumerSupervisorOptions {
  /** whether the broker answers (a crash during an outage does not count towards maxRestarts) */
  brokerReachable?: () => Promise<boolean>;
}

export const DEFAULT_SUPERVISION: ConsumerSupervision = { maxRestarts: 10, initialBackoffMs: 1000 };

export class SupportKafkaServer extends ServerKafka {
  readonly supervisor: ConsumerSupervisor;
  private closing = false;
  /** a lane's failure is stopping this run of the consumer (crashWith) */
  private crashing = false;
  private handled = 0;
  private readonly supervisorLogger = new Logger('KafkaConsumer');
  /** null: kafkajs commits after every batch (KAFKA_COMMIT_INTERVAL_MS=0) */
  private readonly commits: PeriodicOffsetCommits | null;
  /** null: each fetch is handled before the next (KAFKA_COMMIT_INTERVAL_MS=0: kafkajs commits every fetched offset) */
  private readonly lanes: PartitionLanes<ReceivedMessage> | null;
  /** the latest batch's commit controls: they belong to the consumer's run, not to that batch */
  private latestPayload: EachBatchPayload | null = null;
  /** each subscribed topic's handler (handlerOf) */
  private readonly handlersByTopic = new Map<string, MessageHandler | null>();

  constructor(settings: KafkaSettings, supervision: ConsumerSupervision = DEFAULT_SUPERVISION) {
    super(kafkaServerOptions(settings));
    const interval = settings.commitIntervalMs ?? 0;
    this.commits =
      interval > 0
        ? new PeriodicOffsetCommits(interval, (error) =>
            this.supervisorLogger.warn(`offset commit failed (what it held is redelivered and dropped as duplicates): ${error.message}`),
          )
        : null;
    // only with PeriodicOffsetCommits, which keeps queued messages out of the commits (kafkajs'
    // autoCommit commits every offset it fetched past)
    this.lanes =
      this.commits && (settings.fetchAhead ?? true)
        ? this.partitionLanes(settings.maxBatchSize ?? 500, settings.partitionsConsumedConcurrently)
        : null;
    this.supervisor = new ConsumerSupervisor(supervision, {
      restart: () => this.restartConsumer(),
      brokerReachable: supervision.brokerReachable,
      log: (level, message) => this.supervisorLogger[level](message),
    });
  }

  /** The consumer has joined its group and is consuming (a rebalance after that counts as joined). */
  get joined(): boolean {
    return this.supervisor.consuming;
  }

  get crash(): string | null {
    return this.supervisor.health().lastError;
  }

  /** messages this replica's handlers have been through since it started (readiness details, replica tests) */
  get messagesHandled(): number {
    return this.handled;
  }

  /**
   * Stops the consumer after its batch in flight and leaves the group. Called by the messaging
   * shutdown (which bounds the wait) and again by Nest when the app is disposed: the second call
   * does not wait again on a disconnect that a missing broker may hold.
   */
  override async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.supervisor.stop();
    // the transactions under way end (the caller bounds the wait); what is queued is fetched again
    await this.lanes?.stop();
    // what finished so far; a batch still in flight commits its own as it ends (closing), before the consumer leaves
    await this.commits?.commitNow();
    await super.close();
    this.commits?.stop();
  }

  private async restartConsumer(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || this.closing) return;
    // kafkajs disconnected the consumer when it crashed; the subscription is kept (its new run
    // joins the group again: a new generation for the lanes, fetching from the committed offsets)
    await consumer.connect();
    await this.bindEvents(consumer);
  }

  /**
   * The handler of a topic, looked up once: Nest's `getHandlerByPattern` first tries the topic as
   * a JSON pattern, and a topic name is not JSON, so every lookup threw and caught a SyntaxError
   * (0.6 % of the SLA service's main thread at 300–500 tickets/s, once per batch).
   */
  private handlerOf(topic: string): MessageHandler | null {
    let handler = this.handlersByTopic.get(topic);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(topic);
      this.handlersByTopic.set(topic, handler);
    }
    return handler;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    // the handlers are all registered by now (Nest adds them before it listens)
    this.handlersByTopic.clear();
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    const { eachMessage: _unused, ...run } = (this.options.run ?? {}) as Record<string, unknown>;
    await consumer.run({
      ...run,
      eachBatchAutoResolve: true,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.handlerOf(batch.topic);
    if (!handler) {
      this.logger.error(`no handler for topic ${batch.topic}`);
      return;
    }
    // a loop, not a closure made per batch (CONTRIBUTING.md, "Hot paths")
    const fetched: ReceivedMessage[] = [];
    for (const message of batch.messages) {
      fetched.push({
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key,
        value: message.value,
        headers: (message.headers ?? {}) as ReceivedMessage['headers'],
      });
    }
    if (this.lanes) {
      this.latestPayload = payload;
      // resolves at once unless the partition's queue is full; kafkajs then fetches on past these
      const heartbeats = setInterval(() => void payload.heartbeat().catch(() => undefined), 500);
      try {
        await this.lanes.add({ topic: batch.topic, partition: batch.partition, messages: fetched, highWatermark: batch.highWatermark });
      } finally {
        clearInterval(heartbeats);
      }
      return;
    }
    const received: ReceivedBatch = {
      topic: batch.topic,
      messages: fetched,
      resolve: (message) => payload.resolveOffset(message.offset),
      heartbeat: payload.heartbeat,
      isRunning: () => payload.isRunning() && !payload.isStale(),
      highWatermarks: new Map([[batch.partition, batch.highWatermark]]),
    };
    try {
      await dispatch(handler, received);
    } catch (error) {
      // the messages handled before the failure are not redelivered with it
      await this.commits?.commitNow();
      throw error;
    }
    await this.afterHandled(received.messages.length, payload);
  }

  /** Counts a handled batch and commits what it may: at once while closing, else on the interval. */
  private async afterHandled(count: number, payload: EachBatchPayload | null): Promise<void> {
    this.handled += count;
    if (this.closing) await this.commits?.commitNow();
    else if (payload) await this.commits?.afterBatch(this.committer(payload));
  }

  /** The batch's commit controls, with the offsets of queued messages kept out. */
  private committer(payload: EachBatchPayload): OffsetCommitter {
    const lanes = this.lanes;
    if (!lanes) return payload;
    return {
      uncommittedOffsets: () => lanes.limitOffsets(payload.uncommittedOffsets()),
      commitOffsetsIfNecessary: (offsets) => payload.commitOffsetsIfNecessary(offsets),
    };
  }

  /**
   * What kafkajs does when a batch throws, for a batch that failed in its lane: the consumer
   * disconnects and the supervisor restarts it after its back-off; it joins again and fetches from
   * the committed offsets, so the failed message comes again. Once per run, however many lanes fail.
   */
  private async crashWith(error: Error): Promise<void> {
    const consumer = this.consumer;
    if (this.crashing || this.closing || !consumer) return;
    this.crashing = true;
    await consumer.disconnect().catch(() => undefined);
    void this.supervisor.crashed(error);
  }

  private partitionLanes(maxMessages: number, concurrency: number): PartitionLanes<ReceivedMessage> {
    return new PartitionLanes<ReceivedMessage>({
      maxMessages,
      // transactions at once, as many as KAFKA_PARTITIONS_CONCURRENCY, each over every partition of its topic then waiting
      concurrency,
      handle: async (topic, messages, controls) => {
        const handler = this.handlerOf(topic);
        if (!handler) return;
        await dispatch(handler, { topic, messages, ...controls });
      },
      afterHandled: (count) => this.afterHandled(count, this.latestPayload),
      afterFailure: async (error) => {
        // the messages handled before the failure are not redelivered with it
        await this.commits?.commitNow();
        // not awaited: the disconnect waits for kafkajs' batches in progress, which may wait for lanes
        void this.crashWith(asError(error));
      },
    });
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    // a new generation fetches from the committed offsets (its offsets start there, none resolved
    // yet): what was queued is fetched again, by this member or the partition's new one
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.crashing = false;
      this.lanes?.newGeneration();
      this.supervisor.joined();
    });
    consumer.on(consumer.events.REBALANCING, () => this.supervisor.rebalancing());
    // STOP and DISCONNECT also come before every CRASH (kafkajs disconnects a crashed consumer):
    // only a stop we asked for means stopped
    consumer.on(consumer.events.STOP, () => {
      if (this.closing) this.supervisor.stop();
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (this.closing) return;
      const error = event.payload.error ?? new Error('consumer crashed');
      // restartOnFailure (below) keeps kafkajs from restarting by itself: one restart policy for every crash
      void this.supervisor.crashed(error);
    });
  }
}

type ServerOptions = Required<KafkaOptions>['options'];

export function kafkaServerOptions(settings: KafkaSettings): ServerOptions {
  return {
    client: kafkaClientConfig(settings),
    // Nest re-declares kafkajs' types; the objects are the same at run time
    consumer: withSupervisedRestarts(kafkaConsumerConfig(settings)) as unknown as ServerOptions['consumer'],
    producer: kafkaProducerConfig(),
    subscribe: { fromBeginning: true },
    // with a commit interval, SupportKafkaServer commits (PeriodicOffsetCommits); without, kafkajs after every batch
    run: { autoCommit: !settings.commitIntervalMs, partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently },
    parser: { keepBinary: true },
    postfixId: '',
  };
}

/** kafkajs restarts a consumer itself only after retriable crashes; the supervisor handles them all. */
function withSupervisedRestarts(config: ConsumerConfig): ConsumerConfig {
  return { ...config, retry: { ...config.retry, restartOnFailure: async () => false } };
}

/** Runs a topic's handler on a batch; an Observable result (Nest's RPC layer) is awaited to its end. */
async function dispatch(handler: (batch: ReceivedBatch) => unknown, received: ReceivedBatch): Promise<void> {
  const result: unknown = await handler(received);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

/** Nest's exception layer hands an event handler's failure on as a plain `{ status, message }` object. */
function asError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  const message = (failure as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' ? message : String(failure));
}
