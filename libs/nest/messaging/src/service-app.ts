import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { loadEnvironment, type CommonEnvironment } from '@support/platform';
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

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * A service process's entry point: validate the environment (stopping with a message naming each
 * bad variable), then build and start the app.
 */
export async function runService<E extends CommonEnvironment>(
  Environment: new () => E,
  create: (env: E, logLevels: LogLevel[]) => Promise<INestApplication>,
): Promise<void> {
  let env: E;
  try {
    env = loadEnvironment(Environment);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  try {
    await create(env, LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1));
  } catch (error) {
    new Logger('Service').error(`failed to start: ${(error as Error).stack ?? error}`);
    process.exit(1);
  }
}
