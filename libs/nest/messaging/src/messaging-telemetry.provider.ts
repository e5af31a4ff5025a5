import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MessagingTelemetry } from '@support/messaging';
import { ServiceMetrics, ServiceTracing } from '@support/observability';
import type { DataSource } from 'typeorm';

/**
 * The messaging metrics and tracer of one service, on its registry: counters move in memory as
 * batches go by; the outbox backlog and inbox size are read from the database on scrape.
 */
export function messagingTelemetryProvider(service: string): Provider {
  return {
    provide: MessagingTelemetry,
    useFactory: (metrics: ServiceMetrics, tracing: ServiceTracing, dataSource: DataSource) => {
      const telemetry = new MessagingTelemetry(metrics.registry, tracing.tracer, service);
      metrics.refreshOnScrape('outbox and inbox', () => telemetry.readTableGauges(dataSource));
      return telemetry;
    },
    inject: [ServiceMetrics, ServiceTracing, getDataSourceToken()],
  };
}
