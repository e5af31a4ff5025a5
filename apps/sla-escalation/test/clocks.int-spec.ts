import { TOPICS } from '@support/contracts';
import { queryDatabase, request, signToken, waitFor, type EventProbe } from '@support/testing';
import { HOUR, MINUTE, SlaTestBed, at, newTicketId, type UpstreamServices } from './sla-test-kit';

describe('SLA clocks: start, stop, pause, re-time (real Kafka and MariaDB)', () => {
  const bed = new SlaTestBed('slaclock', [TOPICS.sla, TOPICS.deadLetter]);
  const { event, eventsOf } = bed;
  let probe: EventProbe;
  let upstream: UpstreamServices;
  let url: string;
  let database: string;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    ({ probe, upstream, url, database } = await bed.start());
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
  });

  afterAll(() => bed.stop());

  const timersOf = async (ticketId: string) =>
    queryDatabase<{ kind: string; level: number; due_at: Date }>(
      database,
      'SELECT kind, level, due_at FROM sla_timer WHERE ticket_id = ? ORDER BY due_at',
      [ticketId],
    );
  const slaOf = (ticketId: string, token = agent) => request('GET', `${url}/v1/tickets/${ticketId}/sla`, { token });

  it("starts the first-response clock at the ticket's creation, with a timer for its next threshold, the warning", async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    const decision = await upstream.decide(ticketId, { ticketCreatedAt: created }, 'corr-start');

    const started = await probe.waitForEvent<any>('support.sla.clock_started.v1', (e) => e.subject === ticketId);
    expect(started.data).toMatchObject({
      ticketId,
      metric: 'first_response',
      priority: 'urgent',
      startedAt: created,
      dueAt: at(created, HOUR),
      warningAt: at(created, 45 * MINUTE),
      target: 'PT1H',
      policyId: 'default',
      targetSource: 'plan',
    });
    expect(started.correlationid).toBe('corr-start');
    expect(started.causationid).toBe(decision.id);
    expect(started.source).toBe('/support/sla-escalation');

    const timers = await timersOf(ticketId);
    // one row per clock, its next threshold: the scheduler fires what the clock has due and writes the next
    expect(timers.map((t) => [t.kind, t.level, new Date(t.due_at).toISOString()])).toEqual([['warning', 0, at(created, 45 * MINUTE)]]);

    const sla = await slaOf(ticketId);
    expect(sla.status).toBe(200);
    expect(sla.body).toMatchObject({
      ticketId,
      policy: 'default',
      policyVersion: 1,
      priority: 'urgent',
      escalationLevel: 0,
      breached: false,
    });
    expect(sla.body.clocks).toHaveLength(1);
    expect(sla.body.clocks[0]).toMatchObject({
      metric: 'first_response',
      cycle: 1,
      state: 'running',
      target: 'PT1H',
      targetSource: 'plan',
      startedAt: created,
      dueAt: at(created, HOUR),
      stoppedAt: null,
      breachedAt: null,
      outcome: null,
    });
    expect(sla.body.clocks[0].remainingMs).toBeGreaterThan(HOUR - MINUTE);
    expect(sla.body.clocks[0].remainingMs).toBeLessThanOrEqual(HOUR);

    // the requester sees it; other customers and anonymous callers do not
    const requester = await signToken({ sub: 'pro-owner', role: 'customer', account_id: 'acct-pro' });
    const stranger = await signToken({ sub: 'someone-else', role: 'customer', account_id: 'acct-other' });
    expect((await slaOf(ticketId, requester)).status).toBe(200);
    expect((await slaOf(ticketId, stranger)).status).toBe(404);
    expect((await request('GET', `${url}/v1/tickets/${ticketId}/sla`)).status).toBe(401);
    const badId = await slaOf('not a ticket id!');
    expect(badId.status).toBe(400);
    expect(badId.body.message).toMatch(/ticketId/);
    expect((await slaOf(newTicketId())).status).toBe(404);
  });

  it('stops on the first response: met, with the response time recorded and no timers left', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created });
    await event('clock_started', ticketId);
    await upstream.respond(ticketId, { respondedAt: at(created, 10 * MINUTE), ticketCreatedAt: created });

    expect((await event<any>('clock_stopped', ticketId)).data).toMatchObject({
      outcome: 'met',
      reason: 'first_responded',
      stoppedAt: at(created, 10 * MINUTE),
      dueAt: at(created, HOUR),
    });
    expect(await timersOf(ticketId)).toEqual([]);
    const clock = (await slaOf(ticketId)).body.clocks[0];
    expect(clock).toMatchObject({
      state: 'stopped',
      outcome: 'met',
      stopReason: 'first_responded',
      elapsedMs: 10 * MINUTE,
      remainingMs: null,
    });
  });

  it('records a late first response as missed, announcing the breach and its escalation first, exactly once', async () => {
    const ticketId = newTicketId();
    // due ten minutes ago; the second escalation is twenty minutes away and never comes
    const created = at(new Date(), -70 * MINUTE);
    await upstream.decide(ticketId, { ticketCreatedAt: created });
    await upstream.respond(ticketId, { respondedAt: at(created, 65 * MINUTE), ticketCreatedAt: created });

    const stopped = await event<any>('clock_stopped', ticketId);
    expect(stopped.data).toMatchObject({ outcome: 'breached', reason: 'first_responded' });
    // whether the scheduler or the reply got there first, each threshold is announced once
    expect(eventsOf('warning', ticketId)).toEqual([expect.objectContaining({ warnedAt: at(created, 45 * MINUTE) })]);
    expect(eventsOf('breached', ticketId)).toEqual([expect.objectContaining({ breachedAt: at(created, HOUR), dueAt: at(created, HOUR) })]);
    expect(eventsOf('escalated', ticketId)).toEqual([expect.objectContaining({ level: 1, escalatedAt: at(created, HOUR) })]);
    const types = probe.events(undefined, ticketId).map((e) => e.type.replace('support.sla.', ''));
    expect(types).toEqual(['clock_started.v1', 'warning.v1', 'breached.v1', 'escalated.v1', 'clock_stopped.v1']);
    expect(await timersOf(ticketId)).toEqual([]);
  });

  it('stops every clock when the ticket is solved; an unanswered clock is cancelled', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created });
    await event('clock_started', ticketId);
    await upstream.changeStatus(ticketId, { previousStatus: 'open', status: 'solved', changedAt: at(created, 5 * MINUTE) });

    expect((await event<any>('clock_stopped', ticketId)).data).toMatchObject({ outcome: 'cancelled', reason: 'ticket_solved' });
    expect(await timersOf(ticketId)).toEqual([]);
  });

  it('re-times the running clock on a priority change, keeping the time already used', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created, priority: 'normal', slaTarget: 'PT24H' });
    expect((await event<any>('clock_started', ticketId)).data.dueAt).toBe(at(created, 24 * HOUR));

    await upstream.changePriority(ticketId, { previousPriority: 'normal', priority: 'high', changedAt: at(created, 10 * MINUTE) });
    const retimed = await event<any>('clock_retimed', ticketId);
    expect(retimed.data).toMatchObject({
      priority: 'high',
      previousPriority: 'normal',
      previousDueAt: at(created, 24 * HOUR),
      dueAt: at(created, 4 * HOUR),
      target: 'PT4H',
      retimedAt: at(created, 10 * MINUTE),
      startedAt: created,
    });
    const timers = await timersOf(ticketId);
    expect(timers.map((t) => [t.kind, new Date(t.due_at).toISOString()])).toEqual([['warning', at(created, 3 * HOUR)]]);
    const sla = (await slaOf(ticketId)).body;
    expect(sla.priority).toBe('high');
    expect(sla.clocks[0]).toMatchObject({ priority: 'high', target: 'PT4H', dueAt: at(created, 4 * HOUR), state: 'running' });
  });

  it('cancels the clock when a plan change withdraws the deadline, and starts a new one from the upgrade', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created });
    await event('clock_started', ticketId);

    await upstream.decide(ticketId, {
      ticketCreatedAt: created,
      status: 'best_effort',
      reason: 'best_effort',
      slaTarget: null,
      slaTargets: null,
      plan: 'free',
      trigger: 'plan_changed',
      decidedAt: at(created, 5 * MINUTE),
    });
    expect((await event<any>('clock_stopped', ticketId)).data).toMatchObject({ outcome: 'cancelled', reason: 'entitlement_revoked' });

    await upstream.decide(ticketId, { ticketCreatedAt: created, trigger: 'plan_changed', decidedAt: at(created, 20 * MINUTE) });
    const restarted = await event<any>('clock_started', ticketId, (data) => data.startedAt === at(created, 20 * MINUTE));
    expect(restarted.data.dueAt).toBe(at(created, 80 * MINUTE));
    const sla = (await slaOf(ticketId)).body;
    expect(sla.clocks.map((c: any) => [c.cycle, c.state, c.outcome])).toEqual([
      [1, 'stopped', 'cancelled'],
      [2, 'running', null],
    ]);
  });

  it('re-times a running clock when a plan change brings other targets', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created, priority: 'high', slaTarget: 'PT4H' });
    await event('clock_started', ticketId);
    await upstream.decide(ticketId, {
      ticketCreatedAt: created,
      priority: 'high',
      plan: 'enterprise',
      trigger: 'plan_changed',
      decidedAt: at(created, 30 * MINUTE),
      slaTarget: 'PT2H',
      slaTargets: { urgent: 'PT30M', high: 'PT2H', normal: 'PT8H', low: 'PT8H' },
    });
    expect((await event<any>('clock_retimed', ticketId)).data).toMatchObject({
      priority: 'high',
      previousPriority: 'high',
      previousDueAt: at(created, 4 * HOUR),
      dueAt: at(created, 2 * HOUR),
      target: 'PT2H',
    });
    // a later priority change reads the new plan's targets
    await upstream.changePriority(ticketId, { previousPriority: 'high', priority: 'urgent', changedAt: at(created, 40 * MINUTE) });
    await event('clock_retimed', ticketId, (data: any) => data.target === 'PT30M');
    expect(probe.events('support.sla.clock_started.v1', ticketId)).toHaveLength(1);
  });

  it("falls back to the policy's first-response target when the plan check carries none, and says which set each target", async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created, priority: 'high', slaTarget: null, slaTargets: null });
    // the default policy's first_response target for high
    expect((await event<any>('clock_started', ticketId)).data).toMatchObject({ target: 'PT4H', targetSource: 'policy' });
    expect((await slaOf(ticketId)).body.clocks[0]).toMatchObject({ target: 'PT4H', targetSource: 'policy' });
    // a plan that brings a commitment takes the number over from the policy
    await upstream.decide(ticketId, {
      ticketCreatedAt: created,
      priority: 'high',
      plan: 'enterprise',
      trigger: 'plan_changed',
      decidedAt: at(created, 10 * MINUTE),
      slaTarget: 'PT2H',
      slaTargets: { urgent: 'PT30M', high: 'PT2H', normal: 'PT8H', low: 'PT8H' },
    });
    expect((await event<any>('clock_retimed', ticketId)).data).toMatchObject({ target: 'PT2H', targetSource: 'plan' });
    expect((await slaOf(ticketId)).body.clocks[0]).toMatchObject({ target: 'PT2H', targetSource: 'plan', dueAt: at(created, 2 * HOUR) });
  });

  it('honours ticket events that arrived before the plan check: the new priority and a first response', async () => {
    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.changePriority(ticketId, { previousPriority: 'urgent', priority: 'high', changedAt: at(created, MINUTE) });
    await upstream.respond(ticketId, { respondedAt: at(created, 30 * MINUTE), ticketCreatedAt: created });
    await waitFor(async () => {
      const rows = await queryDatabase<{ first_responded_at: Date | null }>(
        database,
        'SELECT first_responded_at FROM sla_ticket WHERE ticket_id = ?',
        [ticketId],
      );
      return rows[0]?.first_responded_at;
    });

    await upstream.decide(ticketId, { ticketCreatedAt: created, priority: 'urgent' });
    const started = await event<any>('clock_started', ticketId);
    expect(started.data).toMatchObject({ priority: 'high', target: 'PT4H', dueAt: at(created, 4 * HOUR) });
    expect((await event<any>('clock_stopped', ticketId)).data).toMatchObject({ outcome: 'met', stoppedAt: at(created, 30 * MINUTE) });
  });

  it('parks a decision with an unreadable target in support.dlq', async () => {
    const ticketId = newTicketId();
    await upstream.decide(ticketId, { slaTarget: 'PT1H', slaTargets: { urgent: 'soon', high: 'PT4H', normal: 'PT24H', low: 'PT24H' } });
    const parked = await probe.waitForMessage((m) => m.topic === TOPICS.deadLetter && m.key === ticketId);
    expect(parked.headers).toMatchObject({ 'dlq-consumer': 'sla-escalation.entitlements', 'dlq-reason': 'unprocessable' });
    expect(parked.headers['dlq-error']).toMatch(/slaTargets\.urgent/);
    expect((await slaOf(ticketId)).status).toBe(404);
  });

  it('pauses while the ticket waits on a status the policy names, and moves the deadline by the pause', async () => {
    const policy = await request('PUT', `${url}/v1/policies/default`, {
      token: admin,
      body: { name: 'Pauses while pending', pausedStatuses: { first_response: ['pending', 'on_hold'] } },
    });
    expect(policy.status).toBe(200);
    expect(policy.body.version).toBe(2);

    const ticketId = newTicketId();
    const created = new Date().toISOString();
    await upstream.decide(ticketId, { ticketCreatedAt: created });
    await event('clock_started', ticketId);
    await upstream.changeStatus(ticketId, { previousStatus: 'open', status: 'pending', changedAt: at(created, 10 * MINUTE) });

    expect((await event<any>('clock_paused', ticketId)).data).toMatchObject({ pausedAt: at(created, 10 * MINUTE) });
    const paused = (await slaOf(ticketId)).body.clocks[0];
    expect(paused).toMatchObject({ state: 'paused', dueAt: null, policyVersion: 2, remainingMs: 50 * MINUTE, elapsedMs: 10 * MINUTE });
    // nothing can come due while nobody knows when work resumes
    expect(await timersOf(ticketId)).toEqual([]);

    await upstream.changeStatus(ticketId, { previousStatus: 'pending', status: 'open', changedAt: at(created, 40 * MINUTE) });
    expect((await event<any>('clock_resumed', ticketId)).data).toMatchObject({
      resumedAt: at(created, 40 * MINUTE),
      dueAt: at(created, 90 * MINUTE),
    });
    expect((await timersOf(ticketId)).map((t) => [t.kind, new Date(t.due_at).toISOString()])).toEqual([
      ['warning', at(created, 75 * MINUTE)],
    ]);
    const resumed = (await slaOf(ticketId)).body.clocks[0];
    expect(resumed).toMatchObject({ state: 'running', dueAt: at(created, 90 * MINUTE), pausedMs: 30 * MINUTE });
  });
});
