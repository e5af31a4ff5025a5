import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import {
  DeadLetterPublisher, EventConsumer, Inbox, OutboxWriter, type ConsumeOutcome, type HandlerBinding, type ReceivedMessage,
} from '@support/messaging';
import { MESSAGING_OPTIONS } from './messaging.tokens';
import type { MessagingOptions } from './messaging.module';

/** Builds the shared consume step for a service's event controllers. */
@Injectable()
export class EventConsumers {
  constructor(
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly outbox: OutboxWriter,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  create(name: string, bindings: HandlerBinding[]): KafkaEventConsumer {
    const qualified = `${this.options.service}.${name}`;
    return new KafkaEventConsumer(
      new EventConsumer(qualified, bindings, this.inbox, this.deadLetters, new Logger(qualified)),
      this.outbox,
    );
  }
}

export class KafkaEventConsumer {
  constructor(
    readonly consumer: EventConsumer,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Call from an @EventPattern(topic) handler with its KafkaContext. */
  async consume(context: KafkaContext): Promise<ConsumeOutcome> {
    const message = context.getMessage();
    const received: ReceivedMessage = {
      topic: context.getTopic(),
      partition: context.getPartition(),
      offset: message.offset,
      key: message.key as Buffer | string | null,
      value: message.value as Buffer | string | null,
      headers: (message.headers ?? {}) as ReceivedMessage['headers'],
    };
    const outcome = await this.consumer.consume(received);
    // a handler's events were committed with its inbox row: publish them now, not at the next poll
    if (outcome === 'processed') this.outbox.notifyCommitted();
    return outcome;
  }
}
