import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MessagingTelemetry } from '@support/messaging';
import { ServiceMetrics, ServiceTracing } from '@support/observability';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.tokens';
import { SupportKafkaServer } from './support-kafka.server';

/**
 * The messaging metrics and tracer of one service, on its registry: counters move in memory as
 * batches go by; the outbox backlog and inbox size are read from the database on scrape, and the
 * consumer group's lag from the broker (a short admin connection per refresh, nothing held open).
 */
export function messagingTelemetryProvider(service: string): Provider {
  return {
    provide: MessagingTelemetry,
    useFactory: (
      metrics: ServiceMetrics,
      tracing: ServiceTracing,
      dataSource: DataSource,
      kafka: Kafka,
      options: MessagingOptions,
      server: SupportKafkaServer,
    ) => {
      const telemetry = new MessagingTelemetry(metrics.registry, tracing.tracer, service);
      metrics.refreshOnScrape('outbox and inbox', () => telemetry.readTableGauges(dataSource));
      if (options.consumes) {
        metrics.refreshOnScrape('consumer group lag', async () => {
          // the topics of the service's @EventPattern handlers
          const topics = [...server.getHandlers().keys()];
          if (topics.length === 0) return;
          // no long retries: with the broker away the scrape serves the last values, the next one tries again
          const admin = kafka.admin({ retry: { retries: 1 } });
          await admin.connect();
          try {
            await telemetry.readGroupLag(admin, options.kafka.groupId, topics);
          } finally {
            await admin.disconnect();
          }
        });
      }
      return telemetry;
    },
    inject: [ServiceMetrics, ServiceTracing, getDataSourceToken(), KAFKA_CLIENT, MESSAGING_OPTIONS, SupportKafkaServer],
  };
}
