import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import {
  kafkaClientConfig, kafkaConsumerConfig, kafkaProducerConfig, type KafkaSettings, type ReceivedBatch, type ReceivedMessage,
} from '@support/messaging';
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';

/**
 * Nest's Kafka transport, consuming a fetch at a time: `bindEvents` runs the consumer with
 * kafkajs' `eachBatch` instead of `eachMessage`, and hands each partition's batch to the
 * `@EventPattern(topic)` handler as its payload (a ReceivedBatch: raw messages plus the batch's
 * resolveOffset, heartbeat and isRunning), so the shared consume step can process it in one
 * transaction. Messages stay raw bytes, so a bad one reaches the dead-letter topic byte for byte.
 *
 * It also tells readiness whether the consumer has joined its group and is still running.
 */
export class SupportKafkaServer extends ServerKafka {
  private joinedGroup = false;
  private lastCrash: string | null = null;

  constructor(settings: KafkaSettings) {
    super(kafkaServerOptions(settings));
  }

  get joined(): boolean {
    return this.joinedGroup;
  }

  get crash(): string | null {
    return this.lastCrash;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
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
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) {
      this.logger.error(`no handler for topic ${batch.topic}`);
      return;
    }
    const received: ReceivedBatch = {
      topic: batch.topic,
      partition: batch.partition,
      messages: batch.messages.map(
        (message): ReceivedMessage => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: (message.headers ?? {}) as ReceivedMessage['headers'],
        }),
      ),
      resolveOffset: payload.resolveOffset,
      heartbeat: payload.heartbeat,
      isRunning: () => payload.isRunning() && !payload.isStale(),
    };
    const result = await handler(received);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joinedGroup = true;
      this.lastCrash = null;
    });
    consumer.on(consumer.events.REBALANCING, () => {
      this.joinedGroup = false;
    });
    consumer.on(consumer.events.STOP, () => {
      this.joinedGroup = false;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joinedGroup = false;
      this.lastCrash = event.payload.error?.message ?? 'consumer crashed';
    });
  }
}

type ServerOptions = Required<KafkaOptions>['options'];

export function kafkaServerOptions(settings: KafkaSettings): ServerOptions {
  return {
    client: kafkaClientConfig(settings),
    // Nest re-declares kafkajs' types; the objects are the same at run time
    consumer: kafkaConsumerConfig(settings) as unknown as ServerOptions['consumer'],
    producer: kafkaProducerConfig(),
    subscribe: { fromBeginning: true },
    run: { autoCommit: true, partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently },
    parser: { keepBinary: true },
    postfixId: '',
  };
}
