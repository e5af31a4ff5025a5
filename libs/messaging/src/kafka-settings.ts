import type { KafkaConfig, ConsumerConfig, ISocketFactory, ProducerConfig, SASLOptions } from 'kafkajs';
import { logLevel } from 'kafkajs';
import net from 'node:net';
import tls from 'node:tls';
import { KeyPartitioner } from './key-partitioner';
import { stopKafkaJsIdleTimers } from './kafkajs-idle-timers';

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
  /**
   * handled offsets are committed at most this often (and when the consumer stops), not after
   * every batch: a commit is a broker round trip, and what a crash leaves uncommitted is
   * redelivered and dropped by the inbox as a duplicate
   */
  commitIntervalMs?: number;
  /** most messages handled in one transaction */
  maxBatchSize?: number;
  /**
   * fetching goes on while transactions run, the next transaction taking what arrived meanwhile
   * on every partition of its topic (PartitionLanes); needs `commitIntervalMs` > 0; default true
   */
  fetchAhead?: boolean;
  /** TLS and SASL towards the brokers; absent: plaintext without authentication */
  security?: KafkaConnectionSecurity;
}

export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How a client encrypts its broker connections and authenticates (SASL_SSL, SSL or SASL_PLAINTEXT listeners). */
export interface KafkaConnectionSecurity {
  /** TLS, with a private CA's certificates (PEM) when the brokers' certificates are not publicly trusted */
  tls?: { ca?: string[]; rejectUnauthorized: boolean };
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  // every client of the platform is built from this config: kafkajs' idle timer loop goes with it
  stopKafkaJsIdleTimers();
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...kafkaSecurityConfig(settings.security),
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    socketFactory: noDelaySocketFactory,
    // Kafka going away for a while must not kill a service: keep retrying with back-off.
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 12 },
  };
}

/**
 * kafkajs' own socket factory (TLS or plain, TCP keep-alive after 60 s) with Nagle's algorithm
 * off, as database and HTTP clients have it. kafkajs leaves it on, so a request written while an
 * earlier one on the same connection is unacknowledged (a heartbeat or commit behind a fetch the
 * broker holds) waits for the broker's delayed ACK, up to 40 ms on Linux. Batching is the
 * producer's and the outbox relay's job, not the socket's (librdkafka turned it off by default
 * for the same reason).
 */
export const noDelaySocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
    : net.connect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  socket.setNoDelay(true);
  return socket;
};

/** kafkajs' `ssl` and `sasl` options for the given security (nothing for a plaintext listener). */
export function kafkaSecurityConfig(security: KafkaConnectionSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const config: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (security?.tls) {
    const { ca, rejectUnauthorized } = security.tls;
    // `true` keeps Node's own trust store and checks; options only when they change something
    config.ssl = ca === undefined && rejectUnauthorized ? true : { ...(ca ? { ca } : {}), rejectUnauthorized };
  }
  if (security?.sasl) {
    const { mechanism, username, password } = security.sasl;
    config.sasl = { mechanism, username, password } as SASLOptions;
  }
  return config;
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
  // and it needs a controller lookup that not every Kafka-protocol broker answers. Keys are
  // partitioned as kafkajs' DefaultPartitioner and Java's client do, by murmur2 (KeyPartitioner).
  return {
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: KeyPartitioner,
  };
}
