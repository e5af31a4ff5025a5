import type { DynamicModule } from '@nestjs/common';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@support/messaging';
import { kafkaSettingsFromEnvironment, MessagingModule } from '@support/nest-messaging';
import { ObservabilityModule, PlatformModule, type CommonEnvironment } from '@support/platform';
import type { ServiceManifest } from './service-manifest';

/**
 * The infrastructure every service imports, read from its manifest: database, auth, health,
 * metrics/traces/logs, Kafka, outbox and inbox.
 */
export function serviceInfrastructure<E extends CommonEnvironment>(manifest: ServiceManifest<E>, env: E): DynamicModule[] {
  return [
    ObservabilityModule.forRoot({ service: manifest.name, env }),
    PlatformModule.forRoot({
      env,
      database: manifest.database,
      entities: [...MESSAGING_ENTITIES, ...manifest.entities],
      migrations: [...MESSAGING_MIGRATIONS, ...manifest.migrations],
    }),
    MessagingModule.forRoot({
      service: manifest.name,
      kafka: kafkaSettingsFromEnvironment(env, manifest.name),
      outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      outboxLingerMs: env.OUTBOX_LINGER_MS,
      outboxBatchSize: env.OUTBOX_BATCH_SIZE,
      consumes: manifest.consumes,
      brokerHealthTimeoutMs: env.KAFKA_HEALTH_TIMEOUT_MS,
      consumerRestarts: { maxRestarts: env.CONSUMER_RESTART_ATTEMPTS, initialBackoffMs: env.CONSUMER_RESTART_BACKOFF_MS },
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    }),
  ];
}
