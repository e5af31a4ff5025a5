/**
 * An independent subscriber on support.sla (its own throw-away consumer group, so it takes nothing
 * from the services): when each ticket's SLA clock_started event arrived here.
 */
import { SlaClockStarted, TOPICS } from '@support/contracts';
import { stopKafkaJsIdleTimers } from '@support/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { nowMs, sleep } from '../stats';
import { uuidV7Time, type ClockPath } from './clock-path';

export interface ClockListener {
  /** epoch ms at which the first clock_started of a ticket arrived */
  startedAt: ReadonlyMap<string, number>;
  /** the points on the way of each ticket's first clock_started (when the event and its message had them) */
  paths: ReadonlyMap<string, ClockPath>;
  /** epoch ms at which the newest first-seen clock_started arrived */
  lastStartedAt(): number | null;
  /** clock_started events seen more than once for a ticket (redeliveries reach subscribers too) */
  duplicates(): number;
  /** Calls `then` once the ticket's first clock_started has arrived (at once if it already has). */
  whenStarted(ticketId: string, then: () => void): void;
  stop(): Promise<void>;
}

export async function listenForClocks(brokers: string): Promise<ClockListener> {
  // the platform's clients run without kafkajs' idle timer loop (kafkaClientConfig); so does this one
  stopKafkaJsIdleTimers();
  const kafka = new Kafka({ clientId: 'bench-clock-listener', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `bench-clock-listener-${randomBytes(4).toString('hex')}`,
    // the mock cluster holds an idle fetch for the whole wait: a short one keeps the timing fine
    maxWaitTimeInMs: 50,
    sessionTimeout: 6000,
    heartbeatInterval: 1000,
  });
  const startedAt = new Map<string, number>();
  const paths = new Map<string, ClockPath>();
  const waiting = new Map<string, Array<() => void>>();
  let duplicates = 0;
  let lastStartedAt: number | null = null;
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPICS.sla, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const receivedAt = nowMs();
        for (const message of batch.messages) {
          if (!message.value) continue;
          // a cheap test before parsing: most of the topic is other event types
          const text = message.value.toString();
          if (!text.includes(SlaClockStarted.type)) continue;
          try {
            const event = JSON.parse(text) as { type?: string; time?: string; causationid?: string; data?: { ticketId?: string } };
            const ticketId = event.data?.ticketId;
            if (event.type !== SlaClockStarted.type || !ticketId) continue;
            if (startedAt.has(ticketId)) duplicates++;
            else {
              startedAt.set(ticketId, receivedAt);
              const writtenAt = event.time ? Date.parse(event.time) : NaN;
              const sentAt = Number(message.timestamp);
              if (Number.isFinite(writtenAt) && Number.isFinite(sentAt) && sentAt > 0)
                paths.set(ticketId, { checkedAt: uuidV7Time(event.causationid), writtenAt, sentAt });
              lastStartedAt = receivedAt;
              const then = waiting.get(ticketId);
              waiting.delete(ticketId);
              then?.forEach((call) => call());
            }
          } catch {
            // not ours to judge: the services dead-letter what they cannot parse
          }
        }
      },
    });
    for (let waited = 0; !joined; waited += 50) {
      if (waited > 60_000) throw new Error('the clock listener did not join its consumer group within 60 s');
      await sleep(50);
    }
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  const whenStarted = (ticketId: string, then: () => void) => {
    if (startedAt.has(ticketId)) then();
    else {
      const calls = waiting.get(ticketId);
      if (calls) calls.push(then);
      else waiting.set(ticketId, [then]);
    }
  };
  return {
    startedAt,
    paths,
    lastStartedAt: () => lastStartedAt,
    duplicates: () => duplicates,
    whenStarted,
    stop: () => {
      waiting.clear();
      return consumer.disconnect();
    },
  };
}
