import type { KafkaConfig, ConsumerConfig, ProducerConfig } from 'kafkajs';
import { logLevel, Partitioners } from 'kafkajs';

/** Everything a service needs to reach Kafka; read from the environment by each app's config. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** how long an idle fetch waits at the broker; low values cut latency at the cost of requests */
  maxWaitTimeInMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  partitionsConsumedConcurrently: number;
  /** most messages of one fetch handled in one transaction */
  maxBatchSize?: number;
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    // Kafka going away for a while must not kill a service: keep retrying with back-off.
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 12 },
  };
}

export function kafkaConsumerConfig(settings: KafkaSettings): ConsumerConfig {
  return {
    groupId: settings.groupId,
    sessionTimeout: settings.sessionTimeoutMs,
    heartbeatInterval: settings.heartbeatIntervalMs,
    maxWaitTimeInMs: settings.maxWaitTimeInMs,
    allowAutoTopicCreation: true,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
  };
}

export function kafkaProducerConfig(): ProducerConfig {
  // One request in flight keeps a key's messages in order across retries. Not the idempotent
  // producer: a retried send may duplicate a message, which consumers absorb by event id (inbox),
  // and it needs a controller lookup that not every Kafka-protocol broker answers.
  return {
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  };
}
