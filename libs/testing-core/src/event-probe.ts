import { parseEnvelope, type SupportEvent } from '@support/contracts';
import { Kafka, logLevel, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { waitFor } from './wait';

export interface ProbedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** the parsed CloudEvent, when the value is one */
  event: SupportEvent | null;
}

/**
 * Listens on topics in a throw-away consumer group and records everything, so a test can wait
 * for an event instead of sleeping.
 */
export class EventProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(private readonly kafka: Kafka) {}

  static async start(brokers: string, topics: string[]): Promise<EventProbe> {
    const kafka = new Kafka({ clientId: 'probe', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const probe = new EventProbe(kafka);
    const consumer = kafka.consumer({
      groupId: `probe-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 50,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: true,
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    let joined: () => void;
    const hasJoined = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? null;
        let event: SupportEvent | null = null;
        try {
          event = parseEnvelope(message.value);
        } catch {
          event = null;
        }
        probe.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          event,
        });
      },
    });
    await hasJoined;
    probe.consumer = consumer;
    return probe;
  }

  events(type?: string, subject?: string): SupportEvent[] {
    return this.messages
      .map((m) => m.event)
      .filter((e): e is SupportEvent => e !== null && (!type || e.type === type) && (!subject || e.subject === subject));
  }

  async waitForEvent<T = unknown>(
    type: string,
    match: (event: SupportEvent<T>) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<SupportEvent<T>> {
    return waitFor(() => (this.events(type) as SupportEvent<T>[]).find(match), { timeoutMs, description: `event ${type}` });
  }

  async waitForMessage(match: (message: ProbedMessage) => boolean, timeoutMs = 30_000): Promise<ProbedMessage> {
    return waitFor(() => this.messages.find(match), { timeoutMs, description: 'message' });
  }

  /** Publishes raw bytes, as a misbehaving or foreign producer would. */
  publishRaw(topic: string, key: string | null, value: string | Buffer, headers: IHeaders = {}): Promise<void> {
    return this.publishRawTogether(topic, [{ key, value, headers }]);
  }

  /** Publishes several messages to one topic with one produce request: those of one key reach a consumer in one fetch. */
  async publishRawTogether(
    topic: string,
    messages: Array<{ key: string | null; value: string | Buffer; headers?: IHeaders }>,
  ): Promise<void> {
    const producer: Producer = this.kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      await producer.send({ topic, messages });
    } finally {
      await producer.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}
