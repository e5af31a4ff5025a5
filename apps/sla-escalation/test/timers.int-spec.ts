import { queryDatabase, request, signToken, waitFor, type EventProbe } from '@support/testing';
import { HOUR, MINUTE, SlaTestBed, at, newTicketId, type UpstreamServices } from './sla-test-kit';

/** The promise: a warning or breach is out within a second of its due instant. */
const PRECISION_MS = 1000;

describe('SLA timers: warning, breach and escalation on time (real Kafka and MariaDB)', () => {
  const bed = new SlaTestBed('slatimer');
  const { time, event, eventsOf } = bed;
  let probe: EventProbe;
  let upstream: UpstreamServices;
  let url: string;
  let database: string;
  let agent: string;

  beforeAll(async () => {
    ({ probe, upstream, url, database } = await bed.start());
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
  });

  afterAll(() => bed.stop());

  const timerCount = async (ticketId: string) =>
    Number((await queryDatabase<{ n: number }>(database, 'SELECT COUNT(*) AS n FROM sla_timer WHERE ticket_id = ?', [ticketId]))[0].n);

  it('warns at 75 %, breaches at the deadline, escalates at once and again half a target later (hours, on a moved clock)', async () => {
    const ticketId = newTicketId();
    const created = time.now().toISOString();
    const decision = await upstream.decide(ticketId, { ticketCreatedAt: created }, 'corr-timers');
    await event('clock_started', ticketId);

    time.jumpTo(new Date(at(created, 45 * MINUTE)));
    const warning = await event<any>('warning', ticketId);
    expect(warning.data).toMatchObject({ warnedAt: at(created, 45 * MINUTE), dueAt: at(created, HOUR), priority: 'urgent' });
    expect(warning.data.lateByMs).toBeLessThan(PRECISION_MS);
    // timer events belong to the flow that started the clock
    expect(warning.correlationid).toBe('corr-timers');
    expect(warning.correlationid).toBe(decision.correlationid);
    expect(eventsOf('breached', ticketId)).toEqual([]);

    time.jumpTo(new Date(at(created, HOUR)));
    const breached = await event<any>('breached', ticketId);
    expect(breached.data).toMatchObject({ breachedAt: at(created, HOUR), dueAt: at(created, HOUR) });
    expect(breached.data.lateByMs).toBeLessThan(PRECISION_MS);
    const first = await event<any>('escalated', ticketId, (data) => data.level === 1);
    expect(first.data).toMatchObject({ escalatedAt: at(created, HOUR), dueAt: at(created, HOUR) });
    expect(first.data.lateByMs).toBeLessThan(PRECISION_MS);
    expect(eventsOf('escalated', ticketId)).toHaveLength(1);

    const midway = (await request('GET', `${url}/v1/tickets/${ticketId}/sla`, { token: agent })).body;
    expect(midway).toMatchObject({ escalationLevel: 1, breached: true });
    expect(midway.clocks[0]).toMatchObject({ state: 'running', breachedAt: at(created, HOUR), warnedAt: at(created, 45 * MINUTE) });
    expect(midway.clocks[0].remainingMs).toBeLessThanOrEqual(0);

    time.jumpTo(new Date(at(created, 90 * MINUTE)));
    const second = await event<any>('escalated', ticketId, (data) => data.level === 2);
    expect(second.data).toMatchObject({ escalatedAt: at(created, 90 * MINUTE), dueAt: at(created, HOUR) });
    expect(second.data.lateByMs).toBeLessThan(PRECISION_MS);
    await waitFor(async () => (await timerCount(ticketId)) === 0, { description: 'no timers left' });

    expect(eventsOf('warning', ticketId)).toHaveLength(1);
    expect(eventsOf('breached', ticketId)).toHaveLength(1);
    expect(eventsOf('escalated', ticketId).map((e) => e.level)).toEqual([1, 2]);
    const sla = (await request('GET', `${url}/v1/tickets/${ticketId}/sla`, { token: agent })).body;
    expect(sla).toMatchObject({ escalationLevel: 2, breached: true });
  });

  it('emits each one within a second of its due instant on the real clock (second-level targets)', async () => {
    const ticketId = newTicketId();
    const created = time.now().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created, slaTarget: 'PT2S', slaTargets: null });
    expect((await event<any>('clock_started', ticketId)).data).toMatchObject({ target: 'PT2S', dueAt: at(created, 2000) });

    const seen = async (type: string, match: (data: any) => boolean = () => true) => {
      const found = await event<any>(type, ticketId, match);
      return { data: found.data, seenAt: time.now().getTime() };
    };
    const warning = await seen('warning');
    const breached = await seen('breached');
    const second = await seen('escalated', (data) => data.level === 2);

    expect(warning.data.warnedAt).toBe(at(created, 1500));
    expect(breached.data.breachedAt).toBe(at(created, 2000));
    expect(second.data.escalatedAt).toBe(at(created, 3000));
    for (const fired of [warning.data, breached.data, second.data]) {
      expect(fired.lateByMs).toBeLessThan(PRECISION_MS);
    }
    // and on the broker, seen by a subscriber, within the second too
    expect(warning.seenAt - Date.parse(warning.data.warnedAt)).toBeLessThan(PRECISION_MS);
    expect(breached.seenAt - Date.parse(breached.data.breachedAt)).toBeLessThan(PRECISION_MS);
  });

  it('breaches at once when a re-time puts the deadline in the past, dated at the new deadline', async () => {
    const ticketId = newTicketId();
    const created = at(time.now(), -2 * HOUR);
    await upstream.decide(ticketId, { ticketCreatedAt: created, priority: 'low', slaTarget: 'PT24H' });
    await event('clock_started', ticketId);
    await upstream.changePriority(ticketId, { previousPriority: 'low', priority: 'urgent', changedAt: time.now().toISOString() });

    expect((await event<any>('clock_retimed', ticketId)).data).toMatchObject({ dueAt: at(created, HOUR), target: 'PT1H' });
    const breached = await event<any>('breached', ticketId);
    expect(breached.data).toMatchObject({ breachedAt: at(created, HOUR), priority: 'urgent' });
    // late by about an hour: the deadline passed before anyone knew it was the deadline
    expect(breached.data.lateByMs).toBeGreaterThan(HOUR - MINUTE);
    await event('escalated', ticketId, (data: any) => data.level === 2);
    const types = probe.events(undefined, ticketId).map((e) => e.type);
    expect(types).toEqual([
      'support.sla.clock_started.v1',
      'support.sla.clock_retimed.v1',
      'support.sla.warning.v1',
      'support.sla.breached.v1',
      'support.sla.escalated.v1',
      'support.sla.escalated.v1',
    ]);
  });
});
