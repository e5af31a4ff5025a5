import { queryDatabase, request, signToken, waitFor } from '@support/testing';
import { HOUR, MINUTE, SlaTestBed, at, newTicketId, type UpstreamServices } from './sla-test-kit';

describe('SLA answers: breaches, compliance report, policies (real Kafka and MariaDB)', () => {
  const bed = new SlaTestBed('slaapi');
  const { time, event } = bed;
  let upstream: UpstreamServices;
  let url: string;
  let database: string;
  let agent: string;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    ({ upstream, url, database } = await bed.start());
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    customer = await signToken({ sub: 'pro-owner', role: 'customer', account_id: 'acct-pro' });
  });

  afterAll(() => bed.stop());

  const get = (path: string, token = agent) => request('GET', `${url}${path}`, { token });
  const put = (path: string, body: unknown, token = admin) => request('PUT', `${url}${path}`, { token, body });

  /** A reply seen before the plan check: the clock starts and stops at once, met or missed. */
  async function answeredTicket(created: string, respondAfterMs: number, decision: Record<string, unknown>) {
    const ticketId = newTicketId();
    await upstream.respond(ticketId, { respondedAt: at(created, respondAfterMs), ticketCreatedAt: created });
    await waitFor(async () => {
      const rows = await queryDatabase<{ first_responded_at: Date | null }>(
        database,
        'SELECT first_responded_at FROM sla_ticket WHERE ticket_id = ?',
        [ticketId],
      );
      return rows[0]?.first_responded_at;
    });
    await upstream.decide(ticketId, { ticketCreatedAt: created, ...decision });
    await event('clock_stopped', ticketId);
    return ticketId;
  }

  describe('GET /v1/breaches', () => {
    it('lists the clocks that missed their deadline since an instant, oldest first, a page at a time', async () => {
      const since = '2025-03-01T00:00:00.000Z';
      const tickets: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const ticketId = newTicketId();
        tickets.push(ticketId);
        await upstream.decide(ticketId, { ticketCreatedAt: at(since, i * 10 * MINUTE), plan: 'business', accountId: 'acct-business' });
      }
      for (const ticketId of tickets) await event('breached', ticketId);

      const first = await get(`/v1/breaches?since=${since}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.since).toBe(since);
      expect(first.body.breaches.map((b: any) => [b.ticketId, b.breachedAt])).toEqual([
        [tickets[0], at(since, HOUR)],
        [tickets[1], at(since, HOUR + 10 * MINUTE)],
      ]);
      expect(first.body.breaches[0]).toMatchObject({
        metric: 'first_response',
        priority: 'urgent',
        plan: 'business',
        accountId: 'acct-business',
        state: 'running',
        escalationLevel: 2,
      });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await get(`/v1/breaches?since=${since}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.breaches.map((b: any) => b.ticketId)).toEqual([tickets[2]]);
      expect(second.body.nextCursor).toBeNull();

      const later = await get(`/v1/breaches?since=${at(since, HOUR + 5 * MINUTE)}`);
      expect(later.body.breaches.map((b: any) => b.ticketId)).toEqual([tickets[1], tickets[2]]);
    });

    it.each([
      ['since=yesterday', /since/],
      ['since=2026-13-45T10:00:00Z', /since/],
      ['limit=0', /limit/],
      ['limit=many', /limit/],
      ['cursor=not-a-cursor', /cursor/],
      ['colour=red', /colour/],
    ])('refuses ?%s with a 400 naming the field', async (query, field) => {
      const response = await get(`/v1/breaches?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(field);
    });

    it('is for agents and admins', async () => {
      expect((await get('/v1/breaches', customer)).status).toBe(403);
      expect((await get('/v1/breaches', admin)).status).toBe(200);
      expect((await request('GET', `${url}/v1/breaches`)).status).toBe(401);
    });
  });

  describe('GET /v1/reports/compliance', () => {
    it('reports count, met, breached, median and 90th-percentile first response per plan and priority', async () => {
      const day = '2020-01-01T00:00:00.000Z';
      const pro = { plan: 'pro', priority: 'urgent' };
      const business = { plan: 'business', priority: 'high', slaTarget: 'PT4H' };
      for (const [offset, minutes, decision] of [
        [0, 10, pro],
        [1, 20, pro],
        [2, 30, pro],
        [3, 90, pro],
        [4, 60, business],
        [5, 180, business],
      ] as const) {
        await answeredTicket(at(day, offset * HOUR), minutes * MINUTE, decision);
      }

      const report = await get(`/v1/reports/compliance?from=${day}&to=${at(day, 24 * HOUR)}`);
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ from: day, to: at(day, 24 * HOUR), metric: 'first_response' });
      expect(report.body.groups).toEqual([
        {
          plan: 'pro',
          priority: 'urgent',
          count: 4,
          met: 3,
          breached: 1,
          open: 0,
          compliance: 0.75,
          medianFirstResponseMs: 25 * MINUTE,
          p90FirstResponseMs: 72 * MINUTE,
        },
        {
          plan: 'business',
          priority: 'high',
          count: 2,
          met: 2,
          breached: 0,
          open: 0,
          compliance: 1,
          medianFirstResponseMs: 120 * MINUTE,
          p90FirstResponseMs: 168 * MINUTE,
        },
      ]);
      expect(report.body.total).toEqual({
        count: 6,
        met: 5,
        breached: 1,
        open: 0,
        compliance: 5 / 6,
        medianFirstResponseMs: 45 * MINUTE,
        p90FirstResponseMs: 135 * MINUTE,
      });

      const empty = await get(`/v1/reports/compliance?from=2019-01-01T00:00:00Z&to=2019-02-01T00:00:00Z`);
      expect(empty.body.groups).toEqual([]);
      expect(empty.body.total).toMatchObject({ count: 0, compliance: null, medianFirstResponseMs: null });
    });

    it.each([
      ['to=2020-01-02T00:00:00Z', /from/],
      ['from=2020-01-01T00:00:00Z', /to/],
      ['from=soon&to=2020-01-02T00:00:00Z', /from/],
      ['from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z', /to: must be later than from/],
      ['from=2020-01-01T00:00:00Z&to=2022-01-01T00:00:00Z', /366 days/],
    ])('refuses ?%s with a 400 naming the field', async (query, message) => {
      const response = await get(`/v1/reports/compliance?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    });

    it('is for agents and admins', async () => {
      expect((await get('/v1/reports/compliance?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z', customer)).status).toBe(403);
    });
  });

  describe('policies', () => {
    it('lists the default policy: the desk’s targets, warning at 75 %, two escalation levels, no pauses, 24/7', async () => {
      const response = await get('/v1/policies');
      expect(response.status).toBe(200);
      expect(response.body.policies).toEqual([
        expect.objectContaining({
          id: 'default',
          version: 1,
          updatedBy: 'system:defaults',
          targets: { first_response: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' }, next_reply: {}, resolution: {} },
          warningAt: 0.75,
          escalation: { afterBreachFractions: [0, 0.5] },
          pausedStatuses: { first_response: [], next_reply: [], resolution: [] },
          calendar: { kind: '24x7' },
        }),
      ]);
      expect((await get('/v1/policies', customer)).status).toBe(403);
      expect((await request('GET', `${url}/v1/policies`)).status).toBe(401);
    });

    it('refuses an invalid policy with every problem named by its field', async () => {
      const response = await put('/v1/policies/default', {
        name: 'Broken',
        targets: { first_response: { urgent: 'PT0S', asap: 'PT1H' }, first_respons: {} },
        warningAt: 1.5,
        escalation: { afterBreachFractions: [0.5, 0.2] },
        pausedStatuses: { first_response: 'pending' },
        calendar: { kind: 'business_hours', timeZone: 'Mars/Olympus', weekly: [{ day: 1, start: '09:00', end: '17:00' }], holidays: [] },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_policy');
      const fields = response.body.errors.map((e: any) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'targets.first_respons',
          'targets.first_response.asap',
          'targets.first_response.urgent',
          'warningAt',
          'escalation.afterBreachFractions[1]',
          'pausedStatuses.first_response',
          'calendar.timeZone',
        ]),
      );
      expect((await get('/v1/policies/default')).body.version).toBe(1);
    });

    it.each([
      ['an agent', 'default', { name: 'x' }, 'agent', 403, /admin/],
      ['an unknown field', 'default', { name: 'x', colour: 'red' }, 'admin', 400, /colour/],
      ['a missing name', 'default', {}, 'admin', 400, /name/],
      ['a bad id', 'Not Valid', { name: 'x' }, 'admin', 400, /id/],
      ['an unknown policy', 'gold', { name: 'x' }, 'admin', 404, /gold/],
      ['another id in the body', 'default', { id: 'gold', name: 'x' }, 'admin', 400, /id:/],
      ['a stale version', 'default', { name: 'x', version: 7 }, 'admin', 409, /version 1 is in force/],
    ])('refuses %s', async (_, id, body, role, status, message) => {
      const response = await put(`/v1/policies/${encodeURIComponent(id)}`, body, role === 'agent' ? agent : admin);
      expect(response.status).toBe(status);
      expect(response.body.message).toMatch(message);
    });

    it('stores an edit as a new version that new clocks use, on a business-hours calendar with holidays', async () => {
      const response = await put('/v1/policies/default', {
        version: 1,
        name: 'Paris office hours',
        warningAt: 0.5,
        calendar: {
          kind: 'business_hours',
          timeZone: 'Europe/Paris',
          weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
          holidays: ['2026-01-19'],
        },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: 'default', version: 2, updatedBy: 'admin-1', warningAt: 0.5, name: 'Paris office hours' });
      const stored = await get('/v1/policies/default');
      expect(stored.body.versions.map((v: any) => [v.version, v.createdBy])).toEqual([
        [1, 'system:defaults'],
        [2, 'admin-1'],
      ]);

      // Friday 16:30 in Paris: half an hour that day, Monday is a holiday, the rest on Tuesday
      const ticketId = newTicketId();
      await upstream.decide(ticketId, { ticketCreatedAt: '2026-01-16T15:30:00.000Z' });
      expect((await event<any>('clock_started', ticketId)).data).toMatchObject({
        dueAt: '2026-01-20T08:30:00.000Z',
        warningAt: '2026-01-16T16:00:00.000Z',
      });
      expect((await get(`/v1/tickets/${ticketId}/sla`)).body.policyVersion).toBe(2);
    });
  });

  describe('metrics a policy adds: resolution and next reply', () => {
    beforeAll(async () => {
      const response = await put('/v1/policies/default', {
        name: 'Replies and resolution',
        targets: {
          first_response: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
          next_reply: { urgent: 'PT30M', high: 'PT2H', normal: 'PT8H', low: 'PT8H' },
          resolution: { urgent: 'PT8H', high: 'P1D', normal: 'P3D', low: 'P5D' },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(3);
    });

    it('runs a resolution clock beside the first response, stopped as met when the ticket is solved', async () => {
      const ticketId = newTicketId();
      const created = time.now().toISOString();
      await upstream.decide(ticketId, { ticketCreatedAt: created });
      const resolution = await event<any>('clock_started', ticketId, (data) => data.metric === 'resolution');
      expect(resolution.data).toMatchObject({ target: 'PT8H', dueAt: at(created, 8 * HOUR) });

      await upstream.respond(ticketId, { respondedAt: at(created, 10 * MINUTE), ticketCreatedAt: created });
      await event('clock_stopped', ticketId, (data: any) => data.metric === 'first_response');
      await upstream.changeStatus(ticketId, { previousStatus: 'open', status: 'solved', changedAt: at(created, 2 * HOUR) });
      expect((await event<any>('clock_stopped', ticketId, (data) => data.metric === 'resolution')).data).toMatchObject({
        outcome: 'met',
        reason: 'ticket_solved',
        stoppedAt: at(created, 2 * HOUR),
      });
    });

    it('starts a next-reply clock on each customer comment after the first response, stopped by the next agent reply', async () => {
      const ticketId = newTicketId();
      const created = time.now().toISOString();
      await upstream.decide(ticketId, { ticketCreatedAt: created });
      await event('clock_started', ticketId, (data: any) => data.metric === 'first_response');
      // before the first response a customer comment owes nothing new
      await upstream.comment(ticketId, { authorRole: 'customer', createdAt: at(created, 2 * MINUTE) });
      await upstream.respond(ticketId, { respondedAt: at(created, 5 * MINUTE), ticketCreatedAt: created });
      await upstream.comment(ticketId, { authorRole: 'agent', createdAt: at(created, 5 * MINUTE) });
      await upstream.comment(ticketId, { authorRole: 'customer', createdAt: at(created, 20 * MINUTE) });

      const firstCycle = await event<any>('clock_started', ticketId, (data) => data.metric === 'next_reply');
      expect(firstCycle.data).toMatchObject({ startedAt: at(created, 20 * MINUTE), dueAt: at(created, 50 * MINUTE), target: 'PT30M' });
      await upstream.comment(ticketId, { authorRole: 'customer', createdAt: at(created, 25 * MINUTE), public: false });
      await upstream.comment(ticketId, { authorRole: 'agent', createdAt: at(created, 30 * MINUTE) });
      expect((await event<any>('clock_stopped', ticketId, (data) => data.metric === 'next_reply')).data).toMatchObject({
        outcome: 'met',
        reason: 'agent_replied',
        stoppedAt: at(created, 30 * MINUTE),
      });
      await upstream.comment(ticketId, { authorRole: 'customer', createdAt: at(created, 40 * MINUTE) });
      await event('clock_started', ticketId, (data: any) => data.metric === 'next_reply' && data.startedAt === at(created, 40 * MINUTE));

      const sla = (await get(`/v1/tickets/${ticketId}/sla`)).body;
      expect(sla.clocks.map((c: any) => [c.metric, c.cycle, c.state, c.outcome])).toEqual([
        ['first_response', 1, 'stopped', 'met'],
        ['resolution', 1, 'running', null],
        ['next_reply', 1, 'stopped', 'met'],
        ['next_reply', 2, 'running', null],
      ]);
    });
  });
});
