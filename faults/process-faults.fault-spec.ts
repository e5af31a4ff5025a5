import { TOPICS } from '@support/contracts';
import { DLQ_HEADERS } from '@support/messaging';
import { EventProbe, queryDatabase } from '@support/testing-core';
import { randomUUID } from 'node:crypto';
import { settleAndCount } from './support/outcome';
import { FaultPlatform, SERVICE_NAMES, type ServiceName } from './support/platform';
import { TicketLoad } from './support/ticket-load';

/**
 * Processes dying under load: kill -9 of each service, SIGTERM of each, and poison messages on
 * every consumed topic. One platform (four processes) serves the cases in turn; each case files
 * its own tickets and counts only those.
 */
describe('faults: processes killed, terminated and poisoned under a ticket load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ label: 'proc' });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const loadFor = (name: string) =>
    new TicketLoad(
      `fault ${name}`,
      () => platform.replicas('ticketing').map((replica) => replica.url),
      platform.customerTokens,
      10,
    ).start();

  it.each(SERVICE_NAMES.map((name) => [name]))(
    'kill -9 of %s during the load loses nothing and applies nothing twice',
    async (name: ServiceName) => {
      const load = loadFor(`kill-9 ${name}`);
      await load.waitForAccepted(20);
      const [victim] = platform.replicas(name);
      const killed = await victim.signal('SIGKILL');
      expect(killed.signal).toBe('SIGKILL');
      // the load goes on while the service is away, and while it starts again
      await new Promise((resolve) => setTimeout(resolve, 3000));
      victim.spawn();
      await victim.waitReady();
      await load.waitForAccepted(load.acceptedCount + 20);
      const result = await load.stop();
      const outcome = await settleAndCount(platform, `kill -9 ${name}`, load.subjectPrefix, result, 1);
      expect(result.refused).toEqual([]);
      expect(outcome.details).toEqual([]);
      expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(platform.unexpectedExits()).toEqual([]);
    },
    360_000,
  );

  it('SIGTERM of each service under load: each exits on its own, and nothing is lost or applied twice', async () => {
    const load = loadFor('sigterm');
    await load.waitForAccepted(20);
    const exits: string[] = [];
    for (const name of SERVICE_NAMES) {
      const [victim] = platform.replicas(name);
      const ended = await victim.signal('SIGTERM', 60_000);
      exits.push(
        `${name}: ${ended.forced ? 'still running 60 s after SIGTERM (killed)' : `exited with ${ended.signal ?? `code ${ended.code}`}`} after ${ended.ms} ms`,
      );
      victim.spawn();
      await victim.waitReady();
      await load.waitForAccepted(load.acceptedCount + 10);
    }
    process.stdout.write(`[faults] SIGTERM under load: ${exits.join('; ')}\n`);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'SIGTERM under load', load.subjectPrefix, result, SERVICE_NAMES.length);
    expect(exits.filter((exit) => !exit.includes('exited with code 0'))).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);

  it('poison messages on every consumed topic end in the dead-letter topic, and the rest flows', async () => {
    // who consumes what (README): a message no consumer can read must be parked by each of them
    const consumers: Record<string, ServiceName[]> = {
      [TOPICS.tickets]: ['entitlements', 'sla-escalation', 'knowledge-base'],
      [TOPICS.entitlements]: ['ticketing', 'sla-escalation'],
      [TOPICS.sla]: ['ticketing'],
      [TOPICS.kb]: ['ticketing'],
    };
    // types whose payload their contract refuses, with the consumers that handle them (a consumer
    // skips the types it does not handle, so those are no poison to it)
    const refusedPayloads: Array<{ topic: string; type: string; handledBy: ServiceName[] }> = [
      { topic: TOPICS.tickets, type: 'support.ticket.created.v1', handledBy: ['entitlements', 'knowledge-base'] },
      { topic: TOPICS.tickets, type: 'support.ticket.priority_changed.v1', handledBy: ['entitlements', 'sla-escalation'] },
      { topic: TOPICS.entitlements, type: 'support.entitlement.checked.v1', handledBy: ['ticketing', 'sla-escalation'] },
      { topic: TOPICS.sla, type: 'support.sla.clock_started.v1', handledBy: ['ticketing'] },
      { topic: TOPICS.kb, type: 'support.kb.articles_suggested.v1', handledBy: ['ticketing'] },
    ];
    const probe = await EventProbe.start(platform.brokers, [TOPICS.deadLetter]);
    try {
      const load = loadFor('poison');
      await load.waitForAccepted(20);
      const poisons: Array<{ topic: string; kind: string; marker: string; expectedFrom: ServiceName[] }> = [];
      const publish = async (topic: string, kind: string, expectedFrom: ServiceName[], value: (marker: string) => string | Buffer) => {
        const marker = `poison-${randomUUID()}`;
        await probe.publishRaw(topic, marker, value(marker));
        poisons.push({ topic, kind, marker, expectedFrom });
      };
      for (const [topic, consumedBy] of Object.entries(consumers)) {
        await publish(topic, 'not JSON', consumedBy, (marker) =>
          Buffer.concat([Buffer.from(`${marker} `), Buffer.from([0xff, 0xfe, 0x00, 0x7b])]),
        );
        await publish(topic, 'not a CloudEvent', consumedBy, (marker) => JSON.stringify({ hello: marker, data: [1, 2, 3] }));
      }
      for (const { topic, type, handledBy } of refusedPayloads) {
        await publish(topic, `${type} with a payload its contract refuses`, handledBy, (marker) =>
          JSON.stringify({
            specversion: '1.0',
            id: randomUUID(),
            source: 'fault-suite',
            type,
            time: new Date().toISOString(),
            subject: marker,
            datacontenttype: 'application/json',
            correlationid: marker,
            data: { ticketId: 42, bogus: marker, priority: 'whenever', suggestions: 'none' },
          }),
        );
      }
      await load.waitForAccepted(load.acceptedCount + 30);
      const result = await load.stop();
      const outcome = await settleAndCount(platform, 'poison messages', load.subjectPrefix, result, poisons.length);

      // each consumer that cannot use a poison parks it on support.dlq, with headers naming the origin and itself
      const missing: string[] = [];
      let parked = 0;
      const deadline = Date.now() + 120_000;
      for (;;) {
        missing.length = 0;
        parked = 0;
        for (const poison of poisons) {
          for (const consumer of poison.expectedFrom) {
            const inDlq = probe.messages.some(
              (m) =>
                m.key === poison.marker &&
                m.headers[DLQ_HEADERS.originTopic] === poison.topic &&
                (m.headers[DLQ_HEADERS.consumer] ?? '').startsWith(`${consumer}.`),
            );
            if (inDlq) {
              parked += 1;
              continue;
            }
            missing.push(`${poison.kind} on ${poison.topic}, not parked by ${consumer}`);
          }
        }
        if (missing.length === 0 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const failures = await Promise.all(
        SERVICE_NAMES.map(
          async (name) =>
            [
              name,
              (await queryDatabase<{ n: number }>(platform.database(name), 'SELECT COUNT(*) AS n FROM consumer_failure'))[0].n,
            ] as const,
        ),
      );
      process.stdout.write(
        `[faults] poison messages: ${poisons.length} published on ${Object.keys(consumers).length} topics, ` +
          `${parked} dead letters of the ${parked + missing.length} expected, consumer_failure rows ${failures.map(([n, c]) => `${n}=${c}`).join(' ')}\n`,
      );
      expect(missing).toEqual([]);
      expect(result.refused).toEqual([]);
      expect(outcome.details).toEqual([]);
      expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(platform.unexpectedExits()).toEqual([]);
    } finally {
      await probe.stop();
    }
  }, 360_000);
});
