import { Logger, type INestApplication } from '@nestjs/common';
import { SupportKafkaServer } from './support-kafka.server';

export interface ServiceStartOptions {
  port: number;
  host?: string;
  /** false for a service with no Kafka subscriptions */
  consumes: boolean;
}

/**
 * Starts one service process: its Kafka consumers (one group per service) and its HTTP server,
 * with SIGTERM/SIGINT leading to a graceful close (see MessagingLifecycle for the order).
 */
export async function startService(app: INestApplication, options: ServiceStartOptions): Promise<void> {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  if (options.consumes) {
    app.connectMicroservice({ strategy: app.get(SupportKafkaServer) });
    await app.startAllMicroservices();
  }
  await app.listen(options.port, options.host ?? '0.0.0.0');
  new Logger('Service').log(`listening on ${await app.getUrl()}`);
}
