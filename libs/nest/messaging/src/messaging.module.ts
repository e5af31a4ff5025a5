import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { KafkaLogger } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  BrokerProbe,
  ConsumerFailures,
  DeadLetterPublisher,
  Inbox,
  MessagingTelemetry,
  kafkaClientConfig,
  kafkaProducerConfig,
  OutboxRelay,
  OutboxWriter,
  PollingLoop,
  PRUNE_BATCH_SIZE,
} from '@support/messaging';
import { ReadinessRegistry } from '@support/platform';
import { Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { messagingTelemetryProvider } from './messaging-telemetry.provider';
import { KAFKA_CLIENT, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.tokens';
import { DEFAULT_SUPERVISION, SupportKafkaServer } from './support-kafka.server';
import { UnitOfWork } from './unit-of-work';

/** what the rest of the shutdown (HTTP server, database pool) may need after messaging is done */
const SHUTDOWN_MARGIN_MS = 1500;
/** most unpublished rows counted for readiness (a count, not a scan of a huge backlog) */
const BACKLOG_COUNT_CAP = 10_000;

/** Kafka redelivers within a rebalance or a restart, not weeks later: a bounded inbox suffices */
const INBOX_RETENTION_MS = 14 * 24 * 3600_000;
const INBOX_PRUNE_INTERVAL_MS = 3600_000;

/**
 * Connects the producer, runs the outbox relay, reports broker, producer, consumer and outbox
 * state to readiness (and a consumer that failed for good to liveness), and leaves in order on
 * shutdown within SHUTDOWN_TIMEOUT_MS: consumers finish their in-flight batch (it commits or rolls
 * back) and leave the group, the relay publishes what is committed if the broker answers, then the
 * producer disconnects. Each step is bounded: with the broker gone, unpublished outbox rows stay
 * for the next start instead of holding the process in kafkajs' retries.
 */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private producerConnected = false;
  /** the inbox and consumer-failure prune, on the shared loop: a full batch runs the next at once */
  private readonly inboxPruning = new PollingLoop(() => this.pruneOnce(), {
    intervalMs: INBOX_PRUNE_INTERVAL_MS,
    maxBackoffMs: 60_000,
    onError: (error, failures) => this.logger.warn(`inbox prune failed (${failures} in a row), will retry: ${error.message}`),
  });

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly outbox: OutboxWriter,
    private readonly server: SupportKafkaServer,
    private readonly inbox: Inbox,
    private readonly failures: ConsumerFailures,
    private readonly readiness: ReadinessRegistry,
    private readonly probe: BrokerProbe,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** Deletes inbox and consumer-failure rows past their retention, a bounded batch of each. */
  private async pruneOnce(): Promise<{ moreWaiting: boolean }> {
    const before = new Date(Date.now() - INBOX_RETENTION_MS);
    const inbox = await this.inbox.prune(before);
    const failures = await this.failures.prune(before);
    return { moreWaiting: inbox >= PRUNE_BATCH_SIZE || failures >= PRUNE_BATCH_SIZE };
  }

  /** Unpublished outbox rows (counted up to a cap) and the age of the oldest. */
  private async backlog(): Promise<{ pending: number | string; oldestPendingAgeMs: number | null }> {
    const [counted] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM outbox_message WHERE published_at IS NULL LIMIT ${BACKLOG_COUNT_CAP + 1}) AS pending`,
    );
    const [oldest] = await this.dataSource.query(
      'SELECT created_at FROM outbox_message WHERE published_at IS NULL ORDER BY published_at, id LIMIT 1',
    );
    const n = Number(counted?.n ?? 0);
    return {
      pending: n > BACKLOG_COUNT_CAP ? `more than ${BACKLOG_COUNT_CAP}` : n,
      oldestPendingAgeMs: oldest ? Math.max(0, Date.now() - new Date(oldest.created_at).getTime()) : null,
    };
  }

  async onModuleInit(): Promise<void> {
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    this.outbox.onCommitted(() => this.relay.nudge());
    this.readiness.register({
      name: 'broker',
      check: async () => {
        const answer = await this.probe.check();
        return {
          up: answer.up,
          details: answer.up
            ? { state: 'reachable', brokers: answer.brokers, latencyMs: answer.latencyMs }
            : { state: 'unreachable', error: answer.error, latencyMs: answer.latencyMs },
        };
      },
    });
    this.readiness.register({
      name: 'producer',
      check: async () => ({
        up: this.producerConnected,
        details: { state: this.producerConnected ? 'connected' : 'disconnected', lastSendError: this.relay.lastError },
      }),
    });
    if (this.options.consumes) {
      this.readiness.register({
        name: 'consumer',
        check: async () => {
          const health = this.server.supervisor.health();
          return {
            up: this.server.joined,
            details: {
              ...health,
              state: health.state === 'starting' ? 'joining' : health.state,
              messagesHandled: this.server.messagesHandled,
            },
          };
        },
      });
      this.readiness.registerLiveness({
        name: 'consumer',
        check: () => ({ alive: !this.server.supervisor.failed, details: { ...this.server.supervisor.health() } }),
      });
    }
    this.readiness.register({
      name: 'outbox',
      check: async () => {
        const backlog = await this.backlog().catch((error: Error) => ({ pending: null, oldestPendingAgeMs: null, error: error.message }));
        return {
          up: this.relay.healthy,
          details: { relay: this.relay.healthy ? 'running' : (this.relay.lastError ?? 'stopped'), ...backlog },
        };
      },
    });
    await this.producer.connect();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.inboxPruning.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.readiness.markShuttingDown();
    // a prune in flight finishes (a bounded delete); none starts after this
    await this.inboxPruning.stop();
    const budget = Math.max(1000, (this.options.shutdownTimeoutMs ?? 10_000) - SHUTDOWN_MARGIN_MS);
    const deadline = Date.now() + budget;
    /** waits for a step until its share of what is left of the budget has passed, then moves on */
    const bounded = async (step: string, work: () => Promise<unknown>, share = 1): Promise<boolean> => {
      const allowed = Math.max(0, Math.floor((deadline - Date.now()) * share));
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        work().then(
          () => 'done' as const,
          (error: Error) => {
            this.logger.warn(`shutdown: ${step} failed: ${error.message}`);
            return 'failed' as const;
          },
        ),
        new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), allowed))),
      ]);
      clearTimeout(timer);
      if (outcome === 'late') this.logger.warn(`shutdown: ${step} did not finish within ${allowed} ms; going on`);
      return outcome === 'done';
    };
    if (this.options.consumes) {
      // consumers stop fetching, the batch in flight commits (or rolls back), offsets are committed, the group is left
      await bounded('consumers finishing their batch and leaving the group', () => this.server.close(), 0.6);
    }
    await bounded('outbox relay pass in flight', () => this.relay.stop(), 0.5);
    const broker = await this.probe.check();
    if (broker.up) {
      await bounded('final outbox flush', () => this.relay.relayOnce(), 0.8);
    }
    await bounded('producer disconnect', () => this.producer.disconnect());
    await this.probe.close();
    const left = await this.backlog().catch(() => null);
    if (left && left.pending !== 0) {
      this.logger.warn(
        `shutdown: ${left.pending} unpublished events stay in the outbox for the next start` +
          (broker.up ? '' : ` (broker unreachable: ${broker.error})`),
      );
    }
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const source = `/support/${options.service}`;
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        // kafkajs' own lines through Nest's logger (pino JSON), as Nest's Kafka server does for the consumer
        {
          provide: KAFKA_CLIENT,
          useFactory: () => new Kafka({ ...kafkaClientConfig(options.kafka), logCreator: KafkaLogger.bind(null, new Logger('Kafka')) }),
        },
        { provide: KAFKA_PRODUCER, useFactory: (kafka: Kafka) => kafka.producer(kafkaProducerConfig()), inject: [KAFKA_CLIENT] },
        {
          provide: BrokerProbe,
          useFactory: () => new BrokerProbe(kafkaClientConfig(options.kafka), { timeoutMs: options.brokerHealthTimeoutMs ?? 1500 }),
        },
        {
          provide: SupportKafkaServer,
          useFactory: (probe: BrokerProbe) =>
            new SupportKafkaServer(options.kafka, {
              ...(options.consumerRestarts ?? DEFAULT_SUPERVISION),
              brokerReachable: async () => (await probe.check()).up,
            }),
          inject: [BrokerProbe],
        },
        messagingTelemetryProvider(options.service),
        {
          provide: OutboxWriter,
          useFactory: (telemetry: MessagingTelemetry) => new OutboxWriter(source, telemetry),
          inject: [MessagingTelemetry],
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, producer: Producer, telemetry: MessagingTelemetry) =>
            new OutboxRelay(dataSource, producer, new Logger('OutboxRelay'), {
              pollIntervalMs: options.outboxPollIntervalMs,
              lingerMs: options.outboxLingerMs,
              batchSize: options.outboxBatchSize,
              telemetry,
            }),
          inject: [getDataSourceToken(), KAFKA_PRODUCER, MessagingTelemetry],
        },
        { provide: Inbox, useFactory: (dataSource: DataSource) => new Inbox(dataSource), inject: [getDataSourceToken()] },
        {
          provide: ConsumerFailures,
          useFactory: (dataSource: DataSource) => new ConsumerFailures(dataSource),
          inject: [getDataSourceToken()],
        },
        { provide: DeadLetterPublisher, useFactory: (producer: Producer) => new DeadLetterPublisher(producer), inject: [KAFKA_PRODUCER] },
        EventConsumers,
        UnitOfWork,
        MessagingLifecycle,
      ],
      exports: [
        MessagingTelemetry,
        UnitOfWork,
        OutboxWriter,
        OutboxRelay,
        Inbox,
        EventConsumers,
        SupportKafkaServer,
        BrokerProbe,
        KAFKA_CLIENT,
        KAFKA_PRODUCER,
      ],
    };
  }
}
