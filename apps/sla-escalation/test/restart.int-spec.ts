import { TOPICS } from '@support/contracts';
import { EventProbe, queryDatabase, ServiceStack, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { SLA_SERVICE } from '../src/service';
import { AdjustableTimeSource, HOUR, MINUTE, UpstreamServices, at, newTicketId, slaFactory } from './sla-test-kit';

const FIRED = ['support.sla.warning.v1', 'support.sla.breached.v1', 'support.sla.escalated.v1'];

describe('SLA timers across a restart: what came due while down fires once, flagged late (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let upstream: UpstreamServices;
  let database: string;
  const time = new AdjustableTimeSource();

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.sla]);
    upstream = new UpstreamServices(probe);
    stack = ServiceStack.create(broker.brokers, 'slarestart');
    database = (await stack.start(SLA_SERVICE, slaFactory(time))).database;
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  const outboxCounts = async (ticketId: string) =>
    Object.fromEntries(
      (
        await queryDatabase<{ type: string; n: number }>(
          database,
          'SELECT type, COUNT(*) AS n FROM outbox_message WHERE message_key = ? GROUP BY type ORDER BY type',
          [ticketId],
        )
      ).map((row) => [row.type, Number(row.n)]),
    );
  const timerCount = async (ticketIds: string[]) =>
    Number((await queryDatabase<{ n: number }>(database, 'SELECT COUNT(*) AS n FROM sla_timer WHERE ticket_id IN (?)', [ticketIds]))[0].n);

  it('fires every warning, breach and escalation that came due while the service was stopped, once, after it restarts', async () => {
    const created = time.now().toISOString();
    const tickets = [newTicketId(), newTicketId(), newTicketId()];
    for (const ticketId of tickets) await upstream.decide(ticketId, { ticketCreatedAt: created });
    for (const ticketId of tickets) {
      await probe.waitForEvent('support.sla.clock_started.v1', (e) => e.subject === ticketId);
    }
    expect(await timerCount(tickets)).toBe(tickets.length);

    await stack.stop('sla-escalation');
    // two hours pass while no replica runs: warning, breach and both escalations come due
    time.advance(2 * HOUR);
    const restartedAt = Date.now();
    await stack.start(SLA_SERVICE, slaFactory(time));

    for (const ticketId of tickets) {
      await probe.waitForEvent('support.sla.escalated.v1', (e) => e.subject === ticketId && (e.data as any).level === 2);
    }
    await waitFor(async () => (await timerCount(tickets)) === 0, { description: 'every timer fired' });

    for (const ticketId of tickets) {
      const fired = probe.events(undefined, ticketId).filter((e) => FIRED.includes(e.type));
      expect(fired.map((e) => [e.type, (e.data as any).level ?? null])).toEqual([
        ['support.sla.warning.v1', null],
        ['support.sla.breached.v1', null],
        ['support.sla.escalated.v1', 1],
        ['support.sla.escalated.v1', 2],
      ]);
      const [warning, breached, first, second] = fired.map((e) => e.data as any);
      // dated at the thresholds, flagged with how late they went out
      expect(warning).toMatchObject({ warnedAt: at(created, 45 * MINUTE) });
      expect(breached).toMatchObject({ breachedAt: at(created, HOUR) });
      expect(first).toMatchObject({ escalatedAt: at(created, HOUR) });
      expect(second).toMatchObject({ escalatedAt: at(created, 90 * MINUTE) });
      expect(warning.lateByMs).toBeGreaterThanOrEqual(75 * MINUTE);
      expect(breached.lateByMs).toBeGreaterThanOrEqual(HOUR);
      expect(first.lateByMs).toBeGreaterThanOrEqual(HOUR);
      expect(second.lateByMs).toBeGreaterThanOrEqual(30 * MINUTE);
      for (const e of fired) expect(Date.parse(e.time)).toBeGreaterThanOrEqual(restartedAt);
    }

    // a second restart finds nothing left to fire: the marker ticket's events show the scheduler ran
    const before = await Promise.all(tickets.map(outboxCounts));
    await stack.stop('sla-escalation');
    await stack.start(SLA_SERVICE, slaFactory(time));
    const marker = newTicketId();
    await upstream.decide(marker, { ticketCreatedAt: at(time.now(), -2 * HOUR) });
    await probe.waitForEvent('support.sla.escalated.v1', (e) => e.subject === marker && (e.data as any).level === 2);
    expect(await Promise.all(tickets.map(outboxCounts))).toEqual(before);
    for (const counts of before) {
      expect(counts).toEqual({
        'support.sla.breached.v1': 1,
        'support.sla.clock_started.v1': 1,
        'support.sla.escalated.v1': 2,
        'support.sla.warning.v1': 1,
      });
    }
  });
});
