import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { CommonEnvironment, loadEnvironment, ReadinessRegistry } from '@support/platform';
import type { Server } from 'node:http';
import { SupportKafkaServer } from '@support/nest-messaging';
import type { ServiceManifest } from './service-manifest';

/**
 * Starts one service process: its Kafka consumers (one group per service) and its HTTP server,
 * with SIGTERM/SIGINT leading to a graceful close bounded by SHUTDOWN_TIMEOUT_MS (see
 * MessagingLifecycle for the order).
 */
export async function startService<E extends CommonEnvironment>(
  app: INestApplication,
  manifest: ServiceManifest<E>,
  env: E,
  host = '0.0.0.0',
): Promise<void> {
  exitOnSignals(app, env.SHUTDOWN_TIMEOUT_MS);
  if (manifest.consumes) {
    app.connectMicroservice({ strategy: app.get(SupportKafkaServer) });
    await app.startAllMicroservices();
  }
  keepConnectionsAlive(app.getHttpServer() as Server, env.HTTP_KEEP_ALIVE_TIMEOUT_MS);
  await app.listen(manifest.port(env), host);
  new Logger('Service').log(`listening on ${await app.getUrl()}`);
}

/**
 * Idle keep-alive connections close after `timeoutMs` (HTTP_KEEP_ALIVE_TIMEOUT_MS). The time
 * allowed for a request's headers is kept above it: with a shorter header timeout, Node cut reused
 * connections before their keep-alive timeout ended.
 */
function keepConnectionsAlive(http: Server, timeoutMs: number): void {
  http.keepAliveTimeout = timeoutMs;
  http.headersTimeout = Math.max(http.headersTimeout, timeoutMs + 1000);
  if (http.requestTimeout > 0) http.requestTimeout = Math.max(http.requestTimeout, http.headersTimeout);
}

/**
 * SIGTERM or SIGINT: readiness turns 503 and the HTTP server stops accepting connections (requests
 * in flight finish), then the app closes (consumers, relay, producer, database). Whatever is still
 * waiting when `timeoutMs` has passed, the process exits: a broker that is gone must not hold it.
 * A second signal exits at once.
 */
function exitOnSignals(app: INestApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    const startedAt = Date.now();
    logger.log(`${signal}: shutting down within ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS)`);
    const forced = setTimeout(() => {
      logger.error(
        `shutdown took longer than ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting now; unpublished outbox rows stay for the next start`,
      );
      process.exit(1);
    }, timeoutMs);
    app.get(ReadinessRegistry, { strict: false }).markShuttingDown();
    const http = app.getHttpServer() as Server;
    http.close();
    http.closeIdleConnections?.();
    // keep-alive connections that stay busy are cut halfway through the budget
    setTimeout(() => http.closeAllConnections?.(), timeoutMs / 2).unref();
    app.close().then(
      () => {
        clearTimeout(forced);
        logger.log(`shut down in ${Date.now() - startedAt} ms`);
        process.exit(0);
      },
      (error: Error) => {
        logger.error(`shutdown failed: ${error.stack ?? error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // an app closed otherwise (tests run several in one process) stops listening for signals
  const close = app.close.bind(app);
  app.close = async (...args: Parameters<INestApplication['close']>) => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    return close(...args);
  };
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * A service process's entry point: validate the environment (stopping with a message naming each
 * bad variable), then build and start the app.
 */
export async function runService<E extends CommonEnvironment>(
  manifest: ServiceManifest<E>,
  create: (env: E, logLevels: LogLevel[]) => Promise<INestApplication>,
): Promise<void> {
  let env: E;
  try {
    env = loadEnvironment(manifest.Environment);
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
