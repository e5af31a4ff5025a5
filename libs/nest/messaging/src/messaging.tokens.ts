import type { KafkaSettings } from '@support/messaging';

/** Injection tokens of the messaging module, and the options it is given (MESSAGING_OPTIONS). */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** the service name: inbox consumer names and the CloudEvents source derive from it */
  service: string;
  kafka: KafkaSettings;
  outboxPollIntervalMs?: number;
  outboxLingerMs?: number;
  outboxBatchSize?: number;
  /** false for a service that only publishes */
  consumes: boolean;
  /** readiness: longest wait for the broker's metadata answer (KAFKA_HEALTH_TIMEOUT_MS) */
  brokerHealthTimeoutMs?: number;
  /** crashes in a row a consumer is restarted after, and the first pause (CONSUMER_RESTART_*) */
  consumerRestarts?: { maxRestarts: number; initialBackoffMs: number };
  /** the whole shutdown's budget (SHUTDOWN_TIMEOUT_MS); messaging leaves a margin for HTTP and the database */
  shutdownTimeoutMs?: number;
}
