import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import type { ReceivedBatch } from '@support/messaging';
import { startMockKafka, waitFor, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { SupportKafkaServer } from '../src';

const TOPIC = `catch-up-${randomBytes(4).toString('hex')}`;
/** the partition that is far behind when the consumer joins: 30 producer batches of 10 */
const BEHIND = 1;
/** a partition with a message per producer batch: never held, so its batches commit all along */
const KEEPING_UP = 0;
const SENDS = 30;

interface Call {
  partition: number;
  offsets: number[];
  failed: boolean;
}

/** Every call the handler got; the first call for BEHIND fails when `failFirstBehind` is set. */
const calls: Call[] = [];
const commits: Array<{ partition: number; offset: number; handledUpTo: number }> = [];
let failFirstBehind = false;

/** The offset after the last one handled without failure, per partition (what a commit may reach). */
function handledUpTo(partition: number): number {
  const handled = calls.filter((call) => call.partition === partition && !call.failed).flatMap((call) => call.offsets);
  return handled.length === 0 ? 0 : Math.max(...handled) + 1;
}

@Controller()
class RecordingController {
  @EventPattern(TOPIC)
  onMessages(@Payload() batch: ReceivedBatch) {
    const call = { partition: batch.partition, offsets: batch.messages.map((message) => Number(message.offset)), failed: false };
    calls.push(call);
    if (failFirstBehind && batch.partition === BEHIND && !calls.some((earlier) => earlier.failed)) {
      call.failed = true;
      throw new Error('the first batch of the partition that is behind fails');
    }
  }
}

@Module({ controllers: [RecordingController] })
class RecordingModule {}

/** SupportKafkaServer that also records every offset commit with what was handled when it went out. */
class RecordingServer extends SupportKafkaServer {
  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer!;
    consumer.on(consumer.events.COMMIT_OFFSETS, (event) => {
      for (const { topic, partitions } of event.payload.topics) {
        if (topic !== TOPIC) continue;
        for (const { partition, offset } of partitions) {
          commits.push({ partition: Number(partition), offset: Number(offset), handledUpTo: handledUpTo(Number(partition)) });
        }
      }
    });
  }
}

describe('SupportKafkaServer: a partition that is behind catches up in few calls (CONSUMER_CATCH_UP_MS, real broker)', () => {
  let broker: RunningBroker;
  let producer: Producer;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startMockKafka();
    kafka = new Kafka({ clientId: 'test', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    // one send at a time: each is its own record batch on the partition, as an outbox relay's passes are
    for (let send = 0; send < SENDS; send++) {
      const behind = Array.from({ length: 10 }, (_, index) => ({ partition: BEHIND, value: `behind ${send * 10 + index}` }));
      await producer.send({ topic: TOPIC, acks: -1, messages: [...behind, { partition: KEEPING_UP, value: `keeping up ${send}` }] });
    }
  });

  afterAll(async () => {
    await producer?.disconnect();
    await broker?.stop();
  });

  async function consume(groupId: string, run: (server: RecordingServer) => Promise<void>): Promise<void> {
    const server = new RecordingServer(
      {
        brokers: broker.brokers.split(','),
        clientId: 'catch-up-test',
        groupId,
        maxWaitTimeInMs: 50,
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        partitionsConsumedConcurrently: 2,
        // commits as often as batches come, so that some go out while the other partition is held
        commitIntervalMs: 1,
        // held while 100 or more wait (a tenth of this), up to a minute
        maxBatchSize: 1000,
        catchUpMs: 60_000,
      },
      { maxRestarts: 10, initialBackoffMs: 200 },
    );
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(RecordingModule, { strategy: server, logger: false });
    try {
      await app.listen();
      await run(server);
    } finally {
      await app.close();
    }
  }

  const offsetsOf = (partition: number) =>
    calls.filter((call) => call.partition === partition && !call.failed).flatMap((call) => call.offsets);
  const everything = (count: number) => Array.from({ length: count }, (_, offset) => offset);

  beforeEach(() => {
    calls.length = 0;
    commits.length = 0;
  });

  it('hands the held fetches over in one call, in offset order, and goes on fetch by fetch once fewer are waiting', async () => {
    await consume(`catch-up-${randomBytes(4).toString('hex')}`, async () => {
      await waitFor(() => offsetsOf(BEHIND).length >= SENDS * 10 && offsetsOf(KEEPING_UP).length >= SENDS, { timeoutMs: 30_000 });
    });
    expect(offsetsOf(BEHIND)).toEqual(everything(SENDS * 10));
    expect(offsetsOf(KEEPING_UP)).toEqual(everything(SENDS));
    const behindCalls = calls.filter((call) => call.partition === BEHIND);
    // without the buffer every call would hold one producer batch (10): the development broker
    // answers a fetch with one record batch per partition
    expect(behindCalls[0].offsets.length).toBeGreaterThanOrEqual(200);
    expect(behindCalls.length).toBeLessThan(SENDS / 2);
  });

  it('never commits past a held message: a failed call after commits of the other partition starts again from its first message', async () => {
    failFirstBehind = true;
    try {
      await consume(`catch-up-failure-${randomBytes(4).toString('hex')}`, async (server) => {
        await waitFor(() => offsetsOf(BEHIND).length >= SENDS * 10 && offsetsOf(KEEPING_UP).length >= SENDS, { timeoutMs: 30_000 });
        expect(server.messagesHandled).toBeGreaterThan(0);
      });
    } finally {
      failFirstBehind = false;
    }
    const failed = calls.find((call) => call.failed)!;
    expect(failed.offsets[0]).toBe(0);
    expect(failed.offsets.length).toBeGreaterThan(10);
    // the restart fetched the failed call's messages again: nothing skipped, nothing out of order
    expect(offsetsOf(BEHIND)).toEqual(everything(SENDS * 10));
    // commits went out while the partition's messages were held, and none passed what was handled
    expect(commits.filter((commit) => commit.partition === KEEPING_UP).length).toBeGreaterThan(1);
    for (const commit of commits) expect(commit.offset).toBeLessThanOrEqual(commit.handledUpTo);
  });
});
