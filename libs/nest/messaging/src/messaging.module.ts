import {
  BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleInit,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  ConsumerFailures, DeadLetterPublisher, Inbox, kafkaClientConfig, kafkaProducerConfig, OutboxRelay, OutboxWriter, type KafkaSettings,
} from '@support/messaging';
import { ReadinessRegistry } from '@support/platform';
import { Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { KAFKA_CLIENT, KAFKA_PRODUCER, MESSAGING_OPTIONS } from './messaging.tokens';
import { SupportKafkaServer } from './support-kafka.server';
import { UnitOfWork } from './transactional-outbox';

export interface MessagingOptions {
  /** the service name: inbox consumer names and the CloudEvents source derive from it */
  service: string;
  kafka: KafkaSettings;
  outboxPollIntervalMs?: number;
  outboxBatchSize?: number;
  /** false for a service that only publishes */
  consumes: boolean;
}

/**
 * Connects the producer, runs the outbox relay, and leaves in order on shutdown: consumers finish
 * their in-flight batch and leave the group, the relay publishes what is committed, then the
 * producer disconnects.
 */
const INBOX_RETENTION_MS = 14 * 24 * 3600_000;

@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private producerConnected = false;
  private inboxPruning: NodeJS.Timeout | null = null;

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly outbox: OutboxWriter,
    private readonly server: SupportKafkaServer,
    private readonly inbox: Inbox,
    private readonly failures: ConsumerFailures,
    private readonly readiness: ReadinessRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    this.outbox.onCommitted(() => this.relay.nudge());
    this.readiness.register({
      name: 'kafka',
      check: async () => {
        const consumersJoined = !this.options.consumes || this.server.joined;
        return {
          up: this.producerConnected && consumersJoined && this.relay.healthy,
          details: {
            producer: this.producerConnected ? 'connected' : 'disconnected',
            consumers: this.options.consumes ? (this.server.joined ? 'joined' : this.server.crash ?? 'joining') : 'none',
            outboxRelay: this.relay.healthy ? 'running' : this.relay.lastError ?? 'stopped',
          },
        };
      },
    });
    await this.producer.connect();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    // Kafka redelivers within a rebalance or a restart, not weeks later: a bounded inbox suffices
    this.inboxPruning = setInterval(() => {
      const before = new Date(Date.now() - INBOX_RETENTION_MS);
      this.inbox.prune(before).catch((error: Error) => this.logger.warn(`inbox prune: ${error.message}`));
      this.failures.prune(before).catch((error: Error) => this.logger.warn(`consumer failure prune: ${error.message}`));
    }, 3600_000);
    this.inboxPruning.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.inboxPruning) clearInterval(this.inboxPruning);
    if (this.options.consumes) {
      await this.server.close().catch((error: Error) => this.logger.warn(`consumer close: ${error.message}`));
    }
    await this.relay.stop();
    await this.relay.relayOnce().catch((error: Error) => this.logger.warn(`final outbox flush: ${error.message}`));
    await this.producer.disconnect();
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
        { provide: KAFKA_CLIENT, useFactory: () => new Kafka(kafkaClientConfig(options.kafka)) },
        { provide: KAFKA_PRODUCER, useFactory: (kafka: Kafka) => kafka.producer(kafkaProducerConfig()), inject: [KAFKA_CLIENT] },
        { provide: SupportKafkaServer, useFactory: () => new SupportKafkaServer(options.kafka) },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(source) },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, producer: Producer) =>
            new OutboxRelay(dataSource, producer, new Logger('OutboxRelay'), {
              pollIntervalMs: options.outboxPollIntervalMs,
              batchSize: options.outboxBatchSize,
            }),
          inject: [getDataSourceToken(), KAFKA_PRODUCER],
        },
        { provide: Inbox, useFactory: (dataSource: DataSource) => new Inbox(dataSource), inject: [getDataSourceToken()] },
        { provide: ConsumerFailures, useFactory: (dataSource: DataSource) => new ConsumerFailures(dataSource), inject: [getDataSourceToken()] },
        { provide: DeadLetterPublisher, useFactory: (producer: Producer) => new DeadLetterPublisher(producer), inject: [KAFKA_PRODUCER] },
        EventConsumers,
        UnitOfWork,
        MessagingLifecycle,
      ],
      exports: [UnitOfWork, OutboxWriter, OutboxRelay, Inbox, EventConsumers, SupportKafkaServer, KAFKA_CLIENT, KAFKA_PRODUCER],
    };
  }
}
