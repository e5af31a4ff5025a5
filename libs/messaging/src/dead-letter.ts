import { TOPICS } from '@support/contracts';
import type { IHeaders, Producer } from 'kafkajs';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string | Buffer | undefined | (string | Buffer)[]>;
}

/** Header names on support.dlq messages: where the message came from and why it failed. */
export const DLQ_HEADERS = {
  originTopic: 'dlq-origin-topic',
  originPartition: 'dlq-origin-partition',
  originOffset: 'dlq-origin-offset',
  consumer: 'dlq-consumer',
  reason: 'dlq-reason',
  error: 'dlq-error',
  failedAt: 'dlq-failed-at',
} as const;

/** Parks a message that cannot be processed, byte for byte, with headers naming its origin and error. */
export class DeadLetterPublisher {
  constructor(private readonly producer: Pick<Producer, 'send'>) {}

  async publish(message: ReceivedMessage, consumer: string, reason: string, error: string): Promise<void> {
    const headers: IHeaders = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined && !Array.isArray(value)) headers[name] = value;
    }
    Object.assign(headers, {
      [DLQ_HEADERS.originTopic]: message.topic,
      [DLQ_HEADERS.originPartition]: String(message.partition),
      [DLQ_HEADERS.originOffset]: message.offset,
      [DLQ_HEADERS.consumer]: consumer,
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.error]: error.slice(0, 2000),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    });
    await this.producer.send({
      topic: TOPICS.deadLetter,
      acks: -1,
      messages: [{ key: message.key ?? null, value: message.value ?? null, headers }],
    });
  }
}
