import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConsumerFailures,
  DeadLetterPublisher,
  EventConsumer,
  Inbox,
  MessagingTelemetry,
  OutboxWriter,
  type BatchOutcome,
  type HandlerBinding,
  type ReceivedBatch,
} from '@support/messaging';
import type { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.tokens';

/** Builds the shared consume step for a service's event controllers. */
@Injectable()
export class EventConsumers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly outbox: OutboxWriter,
    private readonly failures: ConsumerFailures,
    private readonly telemetry: MessagingTelemetry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  create(name: string, bindings: HandlerBinding[]): KafkaEventConsumer {
    const qualified = `${this.options.service}.${name}`;
    const consumer = new EventConsumer(
      qualified,
      bindings,
      {
        dataSource: this.dataSource,
        inbox: this.inbox,
        outbox: this.outbox,
        deadLetters: this.deadLetters,
        failures: this.failures,
        logger: new Logger(qualified),
        telemetry: this.telemetry,
      },
      { maxBatchSize: this.options.kafka.maxBatchSize },
    );
    return new KafkaEventConsumer(consumer, this.outbox);
  }
}

export class KafkaEventConsumer {
  constructor(
    readonly consumer: EventConsumer,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Call from an @EventPattern(topic) handler with the batch SupportKafkaServer passes as its payload. */
  async consume(batch: ReceivedBatch): Promise<BatchOutcome> {
    const outcome = await this.consumer.consume(batch);
    // the handlers' events were committed with their inbox rows: publish them now, not at the next poll
    if (outcome.processed > 0) this.outbox.notifyCommitted();
    return outcome;
  }
}
