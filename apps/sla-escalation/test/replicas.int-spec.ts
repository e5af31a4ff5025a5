import { TOPICS } from '@support/contracts';
import { EventProbe, queryDatabase, ServiceStack, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { SLA_SERVICE } from '../src/service';
import { TimerScheduler } from '../src/timers/timer-scheduler';
import { AdjustableTimeSource, HOUR, UpstreamServices, newTicketId, slaFactory, startSlaReplica } from './sla-test-kit';

const TICKETS = 40;
/** small batches and fast polls, so that both replicas are in the table at the same moments */
const CONTENDED = { SLA_TIMER_BATCH_SIZE: '4', SLA_TIMER_POLL_INTERVAL_MS: '20' };

describe('two scheduler replicas on one database and consumer group (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let upstream: UpstreamServices;
  let database: string;
  let replica: Awaited<ReturnType<typeof startSlaReplica>> | undefined;
  const time = new AdjustableTimeSource();

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.sla]);
    upstream = new UpstreamServices(probe);
    stack = ServiceStack.create(broker.brokers, 'slareplica');
    database = (await stack.start(SLA_SERVICE, slaFactory(time), CONTENDED)).database;
    replica = await startSlaReplica(stack, time, CONTENDED);
  });

  afterAll(async () => {
    await replica?.stop();
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  it('emits every warning, breach and escalation exactly once while both replicas fire timers', async () => {
    const created = time.now().toISOString();
    const tickets = Array.from({ length: TICKETS }, () => newTicketId());
    await Promise.all(tickets.map((ticketId) => upstream.decide(ticketId, { ticketCreatedAt: created })));
    await waitFor(() => tickets.every((id) => probe.events('support.sla.clock_started.v1', id).length > 0), {
      timeoutMs: 60_000,
      description: 'every clock started',
    });
    const timers = async () => Number((await queryDatabase<{ n: number }>(database, 'SELECT COUNT(*) AS n FROM sla_timer'))[0].n);
    expect(await timers()).toBe(TICKETS);

    // every threshold of every clock comes due at the same instant, for both replicas
    time.advance(2 * HOUR);
    await waitFor(() => tickets.every((id) => probe.events('support.sla.escalated.v1', id).length === 2), {
      timeoutMs: 60_000,
      description: 'every clock escalated twice',
    });
    await waitFor(async () => (await timers()) === 0, { description: 'every timer fired' });

    // Delivery is at least once: a relay whose marking of sent rows failed (a deadlock between
    // the replicas' transactions, say) sends that batch again, with the same ids, and consumers
    // drop the copies by id. A threshold fired twice would be a second id. So: every copy of an id
    // is the same event, and each ticket's distinct events are its four thresholds, once each.
    const firstCopy = new Map<string, string>();
    for (const event of probe.events()) {
      const text = JSON.stringify(event);
      expect(firstCopy.get(event.id) ?? text).toBe(text);
      firstCopy.set(event.id, text);
    }
    for (const ticketId of tickets) {
      const distinct = [...new Map(probe.events(undefined, ticketId).map((e) => [e.id, e])).values()];
      const fired = distinct.filter((e) => e.type !== 'support.sla.clock_started.v1');
      expect(fired.map((e) => [e.type, (e.data as any).level ?? null])).toEqual([
        ['support.sla.warning.v1', null],
        ['support.sla.breached.v1', null],
        ['support.sla.escalated.v1', 1],
        ['support.sla.escalated.v1', 2],
      ]);
    }
    const outbox = await queryDatabase<{ type: string; n: number }>(
      database,
      "SELECT type, COUNT(*) AS n FROM outbox_message WHERE type IN ('support.sla.warning.v1', 'support.sla.breached.v1', 'support.sla.escalated.v1') GROUP BY type ORDER BY type",
    );
    expect(outbox.map((row) => [row.type, Number(row.n)])).toEqual([
      ['support.sla.breached.v1', TICKETS],
      ['support.sla.escalated.v1', TICKETS * 2],
      ['support.sla.warning.v1', TICKETS],
    ]);

    // both replicas took part; together they fired each threshold once
    const firedBy = [stack.get('sla-escalation').app, replica!.app].map((app) => app.get(TimerScheduler).transitionsFired);
    expect(firedBy[0] + firedBy[1]).toBe(TICKETS * 4);
    expect(Math.min(...firedBy)).toBeGreaterThan(0);
  });
});
