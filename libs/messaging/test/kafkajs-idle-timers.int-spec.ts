import { startMockKafka, type RunningBroker } from '@support/testing-core';
import { Kafka } from 'kafkajs';
import { kafkaClientConfig, kafkaProducerConfig, stopKafkaJsIdleTimers } from '../src';

// kafkajs' request queue (not part of its public API): the class the fix wraps
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => {
  pending: unknown[];
  throttledUntil: number;
  checkPendingRequests(): void;
  push(request: object): void;
  destroy(): void;
};

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function bareQueue() {
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 5000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'b:9092',
    logger: silent,
  });
}

/** Counts the calls of every queue's checkPendingRequests while `during` runs. */
async function checksDuring(during: () => Promise<void>): Promise<number> {
  const spy = jest.spyOn(RequestQueue.prototype, 'checkPendingRequests');
  try {
    await during();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('kafkajs request queues without the idle 1 ms timer loop', () => {
  beforeAll(() => {
    expect(stopKafkaJsIdleTimers()).toBe(true);
  });

  it('schedules nothing after a check that found nothing pending (kafkajs 2.2.4 ran it again every millisecond)', async () => {
    const queue = bareQueue();
    try {
      const calls = await checksDuring(async () => {
        queue.checkPendingRequests(); // what every response does
        await sleep(100);
      });
      expect(calls).toBe(1);
    } finally {
      queue.destroy();
    }
  });

  it('still sends a request that waited for a throttle, when the throttle ends', async () => {
    const queue = bareQueue();
    const sentAt: number[] = [];
    try {
      const throttledUntil = Date.now() + 40;
      queue.throttledUntil = throttledUntil;
      queue.push({
        entry: { correlationId: 1, resolve: () => undefined },
        expectResponse: false,
        sendRequest: () => sentAt.push(Date.now()),
      });
      expect(sentAt).toEqual([]);
      expect(queue.pending).toHaveLength(1);
      await sleep(150);
      expect(sentAt).toHaveLength(1);
      expect(sentAt[0]).toBeGreaterThanOrEqual(throttledUntil);
      expect(queue.pending).toHaveLength(0);
    } finally {
      queue.destroy();
    }
  });

  it('still sends a request that waited for one in flight, as soon as that one is answered', async () => {
    const queue = bareQueue() as ReturnType<typeof bareQueue> & {
      fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
    };
    const sent: number[] = [];
    const request = (correlationId: number) => ({
      entry: { correlationId, resolve: () => undefined },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
    try {
      queue.push(request(1));
      queue.push(request(2));
      expect(sent).toEqual([1]);
      queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
      expect(sent).toEqual([1, 2]);
      queue.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
      expect(queue.pending).toHaveLength(0);
    } finally {
      queue.destroy();
    }
  });

  describe('against a Kafka-protocol broker', () => {
    let broker: RunningBroker;

    beforeAll(async () => {
      broker = await startMockKafka();
    });

    afterAll(async () => {
      await broker?.stop();
    });

    it('a connected producer that has sent lets its connections sleep between requests', async () => {
      const kafka = new Kafka(
        kafkaClientConfig({
          brokers: broker.brokers.split(','),
          clientId: 'idle-timers',
          groupId: 'unused',
          maxWaitTimeInMs: 100,
          sessionTimeoutMs: 6000,
          heartbeatIntervalMs: 1000,
          partitionsConsumedConcurrently: 1,
        }),
      );
      const producer = kafka.producer(kafkaProducerConfig());
      await producer.connect();
      try {
        await producer.send({ topic: `idle-timers-${Date.now()}`, messages: [{ key: 'k', value: 'v' }] });
        // idle for 300 ms: kafkajs 2.2.4 checked each answered connection's queue about 300 times
        const calls = await checksDuring(() => sleep(300));
        expect(calls).toBeLessThan(10);
        // and the connections still work
        await producer.send({ topic: `idle-timers-${Date.now()}`, messages: [{ key: 'k', value: 'again' }] });
      } finally {
        await producer.disconnect();
      }
    });
  });
});
