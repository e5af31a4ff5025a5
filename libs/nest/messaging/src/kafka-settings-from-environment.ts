import { parseBrokers, type KafkaSettings } from '@support/messaging';
import { kafkaConnectionSecurity, type CommonEnvironment } from '@support/platform';

/** The Kafka client, consumer and security settings of one service, from its validated environment. */
export function kafkaSettingsFromEnvironment(env: CommonEnvironment, service: string): KafkaSettings {
  return {
    brokers: parseBrokers(env.KAFKA_BROKERS),
    clientId: service,
    groupId: env.KAFKA_GROUP_ID ?? service,
    maxWaitTimeInMs: env.KAFKA_MAX_WAIT_MS,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: env.KAFKA_HEARTBEAT_INTERVAL_MS,
    partitionsConsumedConcurrently: env.KAFKA_PARTITIONS_CONCURRENCY,
    commitIntervalMs: env.KAFKA_COMMIT_INTERVAL_MS,
    maxBatchSize: env.CONSUMER_MAX_BATCH,
    fetchAhead: env.CONSUMER_FETCH_AHEAD,
    security: kafkaConnectionSecurity(env),
  };
}
