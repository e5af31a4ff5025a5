import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { TOPICS } from '@support/contracts';
import type { ReceivedBatch } from '@support/messaging';
import { CommonEnvironment, configureHttpApp, createHttpApp, loadEnvironment } from '@support/platform';
import {
  dropDatabasesWithPrefix,
  request,
  startMockKafka,
  TEST_DATABASE_URL,
  TEST_JWT_SECRET,
  throwawayPrefix,
  waitFor,
  type RunningBroker,
} from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import http from 'node:http';
import { SupportKafkaServer } from '@support/nest-messaging';
import { migrateServiceDatabase, serviceInfrastructure, startService, type ServiceManifest } from '../src';

const MANIFEST: ServiceManifest = {
  name: 'health-probe',
  database: 'health',
  Environment: CommonEnvironment,
  portVariable: 'HEALTH_TEST_PORT',
  port: () => 0,
  entities: [],
  migrations: [],
  consumes: true,
};

/** What the consumer saw, and how many of the next batches it should fail with a TypeError. */
const consumed = { values: [] as string[], poisonNext: 0 };

/**
 * A service with the shared infrastructure only (database, broker, producer, outbox relay, one
 * consumer): its handler throws a TypeError out of the batch on demand, which kafkajs does not
 * retry or restart from (a crash), like the SyncGroup protocol error of the development broker.
 */
async function startProbeService(env: CommonEnvironment): Promise<INestApplication> {
  @Module({})
  class HealthTestModule {}
  const module: DynamicModule = { module: HealthTestModule, imports: serviceInfrastructure(MANIFEST, env) };
  const app = await createHttpApp(module, env, ['error']);
  configureHttpApp(app, { title: 'health test', description: 'health test' });
  // a raw handler (no Nest exception layer): the TypeError reaches kafkajs as thrown
  app.get(SupportKafkaServer).addHandler(
    TOPICS.tickets,
    async (batch: ReceivedBatch) => {
      if (consumed.poisonNext > 0) {
        consumed.poisonNext -= 1;
        throw new TypeError('poisoned batch (test)');
      }
      for (const message of batch.messages) consumed.values.push(message.value?.toString() ?? '');
    },
    true,
  );
  await startService(app, MANIFEST, env, '127.0.0.1');
  return app;
}

describe('readiness and liveness see the broker, the producer and crashed consumers (real broker and MariaDB)', () => {
  const prefix = throwawayPrefix('health');
  let broker: RunningBroker;
  let app: INestApplication;
  let url: string;
  let producer: Producer;

  beforeAll(async () => {
    broker = await startMockKafka();
    const source = {
      KAFKA_BROKERS: broker.brokers,
      DATABASE_URL: TEST_DATABASE_URL,
      DB_NAME_PREFIX: prefix,
      KAFKA_GROUP_ID: `${prefix}health`,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      KAFKA_MAX_WAIT_MS: '50',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
      OUTBOX_POLL_INTERVAL_MS: '50',
      KAFKA_HEALTH_TIMEOUT_MS: '1000',
      CONSUMER_RESTART_ATTEMPTS: '2',
      CONSUMER_RESTART_BACKOFF_MS: '200',
      LOG_LEVEL: 'error',
    };
    await migrateServiceDatabase(MANIFEST, 'up', source);
    app = await startProbeService(loadEnvironment(CommonEnvironment, source));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    producer = new Kafka({ clientId: 'health-test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await app?.close();
    await dropDatabasesWithPrefix(prefix);
    process.kill(broker.pid, 'SIGCONT');
    await broker?.stop();
  });

  const ready = () => request('GET', `${url}/health/ready`);
  const live = () => request('GET', `${url}/health/live`);
  const send = async (value: string) => producer.send({ topic: TOPICS.tickets, messages: [{ key: value, value }], acks: -1 });

  it('answers 200 with every dependency up once the consumer has joined', async () => {
    const answer = await waitFor(
      async () => {
        const response = await ready();
        return response.status === 200 ? response : null;
      },
      { timeoutMs: 60_000, description: 'ready' },
    );
    expect(Object.keys(answer.body.dependencies).sort()).toEqual(['broker', 'consumer', 'database', 'outbox', 'producer']);
    for (const state of Object.values(answer.body.dependencies)) expect((state as { status: string }).status).toBe('up');
    expect(answer.body.dependencies.broker.state).toBe('reachable');
    expect(answer.body.dependencies.consumer.state).toBe('joined');
    expect((await live()).status).toBe(200);
  });

  it('keeps an idle keep-alive connection open past the 5 s of Node (HTTP_KEEP_ALIVE_TIMEOUT_MS, 65 s): a proxy in front closes it first', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ keepAlive: string; reused: boolean }>((resolve, reject) => {
        const sent = http.get(`${url}/health/live`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ keepAlive: String(response.headers['keep-alive']), reused: sent.reusedSocket }));
        });
        sent.on('error', reject);
      });
    try {
      const first = await get();
      expect(first).toEqual({ keepAlive: 'timeout=65', reused: false });
      await new Promise((resolve) => setTimeout(resolve, 5500));
      // Node's default would have closed it after 5 s, racing this request (ECONNRESET, a 502 at a proxy)
      expect(await get()).toEqual({ keepAlive: 'timeout=65', reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('turns 503 not_ready, naming the broker, while the broker does not answer, and 200 when it answers again', async () => {
    process.kill(broker.pid, 'SIGSTOP'); // the broker freezes: connections stay open, nothing answers
    try {
      const down = await waitFor(
        async () => {
          const response = await ready();
          return response.status === 503 ? response : null;
        },
        { timeoutMs: 30_000, description: 'ready 503 with the broker frozen' },
      );
      expect(down.body.code).toBe('not_ready');
      expect(down.body.code).not.toBe('internal_error');
      expect(down.body.message).toContain('broker');
      expect(down.body.dependencies.broker).toMatchObject({ status: 'down', state: 'unreachable' });
      expect(down.body.dependencies.database.status).toBe('up');
      expect(Object.keys(down.body.dependencies)).toEqual(expect.arrayContaining(['broker', 'producer', 'consumer', 'outbox', 'database']));
      // an outage is not a reason to restart the process
      expect((await live()).status).toBe(200);
    } finally {
      process.kill(broker.pid, 'SIGCONT');
    }
    await waitFor(async () => (await ready()).status === 200, { timeoutMs: 90_000, description: 'ready again after the broker answers' });
  });

  it('restarts a consumer that crashed, which then consumes again', async () => {
    const server = app.get(SupportKafkaServer);
    const restartsBefore = server.supervisor.health().restarts;
    consumed.poisonNext = 1;
    await send('after-one-crash');
    await waitFor(() => consumed.values.includes('after-one-crash'), {
      timeoutMs: 60_000,
      description: 'the message consumed after the restart',
    });
    expect(server.supervisor.health().restarts).toBeGreaterThan(restartsBefore);
    expect(server.supervisor.health().lastError).toContain('poisoned batch');
    await waitFor(async () => (await ready()).status === 200, { timeoutMs: 30_000, description: 'ready after the restart' });
    expect((await live()).status).toBe(200);
  });

  it('fails liveness (503 not_live) when the consumer keeps crashing after its restarts', async () => {
    consumed.poisonNext = 1000;
    await send('poison-forever');
    const dead = await waitFor(
      async () => {
        const response = await live();
        return response.status === 503 ? response : null;
      },
      { timeoutMs: 90_000, description: 'liveness 503' },
    );
    expect(dead.body.code).toBe('not_live');
    expect(dead.body.checks.consumer).toMatchObject({ alive: false, state: 'failed' });
    expect(dead.body.message).toContain('poisoned batch');
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body.dependencies.consumer).toMatchObject({ status: 'down', state: 'failed' });
    consumed.poisonNext = 0;
  });
});
