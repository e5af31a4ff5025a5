import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import {
  kafkaClientConfig, kafkaConsumerConfig, kafkaProducerConfig, type KafkaSettings,
} from '@support/messaging';

/**
 * Nest's Kafka transport, plus what readiness needs to know: whether the consumer has joined its
 * group and is still running. Messages arrive as raw bytes (keepBinary) so that the shared
 * consume step parses them and a bad one reaches the dead-letter topic byte for byte.
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
