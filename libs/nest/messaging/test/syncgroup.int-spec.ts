import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Module } from '@nestjs/common';
import type { ReceivedBatch } from '@support/messaging';
import { startMockKafka, waitFor, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { SupportKafkaServer } from '../src';

/**
 * The `SyncGroup` crash a second replica hit against the development broker, reproduced.
 * librdkafka's mock cluster completes a sync as soon as the leader's SyncGroup has given every
 * member an assignment, and answers a follower's SyncGroup that arrives after that (group state
 * Up) with INVALID_REQUEST; a real Kafka broker answers it with the member's assignment. kafkajs
 * treats INVALID_REQUEST as non-retriable: the consumer crashes and kafkajs does not restart it.
 * A follower is late whenever its process is busy between its JoinGroup answer and its SyncGroup
 * (a replica starting up), which the test stands in for by holding the follower's SyncGroup.
 */
const Broker = require('kafkajs/src/broker') as { prototype: { syncGroup: (request: { groupAssignment: unknown[] }) => Promise<unknown> } };
const originalSyncGroup = Broker.prototype.syncGroup;
let lateFollowers = 0;

function holdNextFollowerSync(count = 1): void {
  lateFollowers = count;
}

Broker.prototype.syncGroup = async function (this: unknown, request: { groupAssignment: unknown[] }) {
  // a follower sends no assignments; the leader sends everyone's
  if (request.groupAssignment.length === 0 && lateFollowers > 0) {
    lateFollowers -= 1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  return originalSyncGroup.call(this, request);
};

const TOPIC = `syncgroup-${randomBytes(3).toString('hex')}`;

describe('a late SyncGroup against the development broker (kcat mock cluster)', () => {
  let broker: RunningBroker;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    broker = await startMockKafka();
    kafka = new Kafka({ clientId: 'syncgroup-test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ key: 'warm-up', value: 'warm-up' }] });
  });

  afterAll(async () => {
    Broker.prototype.syncGroup = originalSyncGroup;
    await producer?.disconnect();
    await broker?.stop();
  });

  it('crashes a plain kafkajs follower with INVALID_REQUEST, which kafkajs does not restart', async () => {
    const groupId = `plain-${randomBytes(3).toString('hex')}`;
    const consumers: Consumer[] = [];
    const crashes: Array<{ type?: string; restart: boolean }> = [];
    const start = async () => {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000, maxWaitTimeInMs: 50 });
      consumer.on(consumer.events.CRASH, (event) => {
        const error = event.payload.error as Error & { type?: string; cause?: { type?: string } };
        crashes.push({ type: error.type ?? error.cause?.type, restart: event.payload.restart });
      });
      let joined = false;
      consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
      await consumer.connect();
      await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
      await consumer.run({ eachBatch: async () => undefined });
      consumers.push(consumer);
      return () => joined;
    };
    try {
      const leaderJoined = await start();
      await waitFor(leaderJoined, { timeoutMs: 30_000, description: 'the first member joined' });
      holdNextFollowerSync();
      await start();
      await waitFor(() => crashes.length > 0, { timeoutMs: 60_000, description: 'the follower crashed' });
      expect(crashes[0]).toEqual({ type: 'INVALID_REQUEST', restart: false });
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
    }
  });

  it('SupportKafkaServer restarts the crashed follower, and both members consume', async () => {
    const groupId = `supervised-${randomBytes(3).toString('hex')}`;
    const seen = [new Set<string>(), new Set<string>()];
    const servers: SupportKafkaServer[] = [];
    const apps: Array<{ close(): Promise<void> }> = [];
    const start = async (index: number) => {
      const server = new SupportKafkaServer(
        {
          brokers: broker.brokers.split(','),
          clientId: `member-${index}`,
          groupId,
          maxWaitTimeInMs: 50,
          sessionTimeoutMs: 6000,
          heartbeatIntervalMs: 1000,
          partitionsConsumedConcurrently: 4,
        },
        { maxRestarts: 5, initialBackoffMs: 200 },
      );
      server.addHandler(
        TOPIC,
        async (batch: ReceivedBatch) => {
          for (const message of batch.messages) seen[index].add(message.value?.toString() ?? '');
        },
        true,
      );
      @Module({})
      class EmptyModule {}
      const app = await NestFactory.createMicroservice<MicroserviceOptions>(EmptyModule, { strategy: server, logger: false });
      await app.listen();
      servers.push(server);
      apps.push(app);
      return server;
    };
    try {
      const first = await start(0);
      await waitFor(() => first.joined, { timeoutMs: 30_000, description: 'the first member joined' });
      holdNextFollowerSync();
      const second = await start(1);
      await waitFor(() => second.supervisor.health().restarts > 0 && second.joined && first.joined, {
        timeoutMs: 90_000,
        description: 'the follower crashed, was restarted and joined',
      });
      expect(second.supervisor.health().lastError).toMatch(/malformed|invalid/i);
      const values = Array.from({ length: 40 }, (_, n) => `m-${n}`);
      await producer.send({ topic: TOPIC, messages: values.map((value) => ({ key: value, value })) });
      await waitFor(() => values.every((value) => seen[0].has(value) || seen[1].has(value)), {
        timeoutMs: 60_000,
        description: 'every message consumed by one of the members',
      });
      expect(seen[0].size).toBeGreaterThan(0);
      expect(seen[1].size).toBeGreaterThan(0);
    } finally {
      for (const app of apps) await app.close().catch(() => undefined);
    }
  });
});
