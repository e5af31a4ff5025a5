import { DynamicModule, Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createServiceLogger, ServiceMetrics, ServiceTracing, serviceVersion } from '@support/observability';
import type { CommonEnvironment } from '../environment';
import { HttpTelemetry } from './http-telemetry';
import { MetricsController } from './metrics.controller';
import { ServiceLogger } from './service-logger';

export interface ObservabilityOptions {
  /** the service name every metric, span and log line carries */
  service: string;
  env: CommonEnvironment;
}

@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  constructor(private readonly tracing: ServiceTracing) {}

  /** Exports what is buffered before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown().catch(() => undefined);
  }
}

/**
 * Metrics (a Prometheus registry per service, served at /metrics), traces (an OpenTelemetry
 * tracer per service, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set) and
 * structured logs (pino, made Nest's logger so every `new Logger(context)` writes JSON lines).
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const { env, service } = options;
    const version = serviceVersion(env.SERVICE_VERSION);
    // Nest's Logger is process-wide. Taking it over here, while the app's module is being put
    // together and before NestFactory.create, makes Nest's own start-up lines JSON as well.
    const logger = new ServiceLogger(createServiceLogger({ service, version, level: env.LOG_LEVEL, format: env.LOG_FORMAT }));
    Logger.overrideLogger(logger);
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [
        {
          provide: ServiceLogger,
          useFactory: () => {
            // again: NestFactory.create({ logger: false }) unset it (the level stays LOG_LEVEL's)
            Logger.overrideLogger(logger);
            return logger;
          },
        },
        {
          provide: ServiceMetrics,
          useFactory: () => new ServiceMetrics({ service, version, databaseRefreshMs: env.METRICS_DATABASE_REFRESH_MS }),
        },
        {
          provide: ServiceTracing,
          useFactory: () =>
            new ServiceTracing({
              service,
              version,
              otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
              otlpHeaders: env.OTEL_EXPORTER_OTLP_HEADERS,
              sampler: env.OTEL_TRACES_SAMPLER,
              samplerArg: env.OTEL_TRACES_SAMPLER_ARG,
            }),
        },
        {
          provide: HttpTelemetry,
          useFactory: (metrics: ServiceMetrics, tracing: ServiceTracing, logger: ServiceLogger) =>
            new HttpTelemetry(service, metrics, tracing, logger.pino),
          inject: [ServiceMetrics, ServiceTracing, ServiceLogger],
        },
        TracingShutdown,
      ],
      exports: [ServiceLogger, ServiceMetrics, ServiceTracing, HttpTelemetry],
    };
  }
}
