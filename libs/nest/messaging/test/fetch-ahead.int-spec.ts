import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import type { ReceivedBatch } from '@support/messaging';
import { startMockKafka, waitFor, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { SupportKafkaServer } from '../src';

const TOPIC = `fetch-ahead-${randomBytes(4).toString('hex')}`;
/** the partition that is far behind when the consumer joins: 30 producer batches of 10 */
const BEHIND = 1;
/** a partition with a message per producer batch: its batches commit all along */
const KEEPING_UP = 0;
const SENDS = 30;

/** One partition's part of a call of the handler (a call may take several partitions). */
interface Call {
  partition: number;
  offsets: number[];
  /** the partitions of the whole call, in the order of its messages */
  callPartitions: number[];
  failed: boolean;
  /** the call returned: its messages are handled */
  handled?: boolean;
}

/** Every call's parts; the first call holding BEHIND fails when `failFirstBehind` is set. */
const calls: Call[] = [];
const commits: Array<{ partition: number; offset: number; handledUpTo: number }> = [];
let failFirstBehind = false;

/** The offset after the last one handled without failure, per partition (what a commit may reach). */
function handledUpTo(partition: number): number {
  const handled = calls.filter((call) => call.partition === partition && call.handled).flatMap((call) => call.offsets);
  return handled.length === 0 ? 0 : Math.max(...handled) + 1;
}

@Controller()
class RecordingController {
  /** each call takes a while, as a transaction does: the consumer fetches on meanwhile */
  @EventPattern(TOPIC)
  async onMessages(@Payload() batch: ReceivedBatch) {
    const parts: Call[] = [];
    for (const message of batch.messages) {
      const last = parts[parts.length - 1];
      if (last?.partition === message.partition) last.offsets.push(Number(message.offset));
      else parts.push({ partition: message.partition, offsets: [Number(message.offset)], callPartitions: [], failed: false });
    }
    for (const part of parts) part.callPartitions = parts.map((each) => each.partition);
    calls.push(...parts);
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (failFirstBehind && parts.some((part) => part.partition === BEHIND) && !calls.some((earlier) => earlier.failed)) {
      for (const part of parts) part.failed = true;
      throw new Error('the first batch of the partition that is behind fails');
    }
    for (const part of parts) part.handled = true;
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

describe('SupportKafkaServer: fetching on while partitions are handled (CONSUMER_FETCH_AHEAD, real broker)', () => {
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

  async function consume(groupId: string, run: (server: RecordingServer) => Promise<void>, concurrency = 2): Promise<RecordingServer> {
    const server = new RecordingServer(
      {
        brokers: broker.brokers.split(','),
        clientId: 'fetch-ahead-test',
        groupId,
        maxWaitTimeInMs: 50,
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        partitionsConsumedConcurrently: concurrency,
        // commits as often as batches end, so that some go out while the other partition's messages wait
        commitIntervalMs: 1,
        maxBatchSize: 1000,
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
    return server;
  }

  const offsetsOf = (partition: number) =>
    calls.filter((call) => call.partition === partition && call.handled).flatMap((call) => call.offsets);
  const everything = (count: number) => Array.from({ length: count }, (_, offset) => offset);

  beforeEach(() => {
    calls.length = 0;
    commits.length = 0;
  });

  it("hands what arrived during a partition's call to its next one, in offset order, whatever each fetch brought", async () => {
    await consume(`fetch-ahead-${randomBytes(4).toString('hex')}`, async () => {
      await waitFor(() => offsetsOf(BEHIND).length >= SENDS * 10 && offsetsOf(KEEPING_UP).length >= SENDS, { timeoutMs: 30_000 });
    });
    expect(offsetsOf(BEHIND)).toEqual(everything(SENDS * 10));
    expect(offsetsOf(KEEPING_UP)).toEqual(everything(SENDS));
    const behindCalls = calls.filter((call) => call.partition === BEHIND);
    // fetched while the first call ran: the development broker answers a fetch with one record
    // batch (10 messages here) per partition, so without fetching ahead every call would hold 10
    expect(Math.max(...behindCalls.map((call) => call.offsets.length))).toBeGreaterThanOrEqual(100);
    expect(behindCalls.length).toBeLessThanOrEqual(5);
    // the other partition was not held up behind those calls: it was not fetched with them
    expect(calls.filter((call) => call.partition === KEEPING_UP).length).toBeLessThanOrEqual(5);
  });

  it('never commits past a message not handled: after a failed call the consumer restarts and fetches it again from its first message', async () => {
    failFirstBehind = true;
    let server: RecordingServer;
    try {
      server = await consume(`fetch-ahead-failure-${randomBytes(4).toString('hex')}`, async (server) => {
        await waitFor(() => offsetsOf(BEHIND).length >= SENDS * 10 && offsetsOf(KEEPING_UP).length >= SENDS, { timeoutMs: 30_000 });
        expect(server.messagesHandled).toBeGreaterThan(0);
      });
    } finally {
      failFirstBehind = false;
    }
    const failed = calls.find((call) => call.failed && call.partition === BEHIND)!;
    expect(failed.offsets[0]).toBe(0);
    // fetched again from the failed call's first message: nothing skipped, nothing out of order
    expect(offsetsOf(BEHIND)).toEqual(everything(SENDS * 10));
    expect(server!.supervisor.health().restarts).toBe(1);
    // Nest's exception layer keeps the handler's own message to itself
    expect(server!.supervisor.health().lastError).toBe('Error: Internal server error');
    // commits went out while the partition's messages waited, and none passed what was handled
    expect(commits.filter((commit) => commit.partition === KEEPING_UP).length).toBeGreaterThan(1);
    for (const commit of commits) expect(commit.offset).toBeLessThanOrEqual(commit.handledUpTo);
  });

  it('with one transaction at a time, hands every partition waiting to the next call, each in offset order', async () => {
    await consume(
      `fetch-ahead-one-${randomBytes(4).toString('hex')}`,
      async () => {
        await waitFor(() => offsetsOf(BEHIND).length >= SENDS * 10 && offsetsOf(KEEPING_UP).length >= SENDS, { timeoutMs: 30_000 });
      },
      1,
    );
    expect(offsetsOf(BEHIND)).toEqual(everything(SENDS * 10));
    expect(offsetsOf(KEEPING_UP)).toEqual(everything(SENDS));
    // both partitions waited during a call, and the next took both: no call for each in turn
    expect(calls.some((call) => call.callPartitions.length === 2)).toBe(true);
    // each partition's messages together in a call, once
    for (const call of calls) expect(new Set(call.callPartitions).size).toBe(call.callPartitions.length);
  });
});
