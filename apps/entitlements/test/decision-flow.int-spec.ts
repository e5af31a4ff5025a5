import {
  createEvent,
  TicketCreated,
  TicketPriorityChanged,
  TicketStatusChanged,
  TOPICS,
  type EntitlementCheckedV1,
  type SupportEvent,
  type TicketPriority,
  type TicketStatus,
} from '@support/contracts';
import { EventProbe, queryDatabase, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { randomUUID } from 'node:crypto';
import { createEntitlementsApp } from '../src/app';
import { ENTITLEMENTS_SERVICE } from '../src/service';

const TICKETING_SOURCE = '/support/ticketing';
const CHECKED = 'support.entitlement.checked.v1';

/**
 * The event flow of the entitlements service: ticket events in from support.tickets (published
 * here as ticketing would), decisions out on support.entitlements, and the re-decision of open
 * tickets when an account's plan, status or plan end changes.
 */
describe('entitlement decisions (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let url: string;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.entitlements, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'entflow');
    url = (await stack.start(ENTITLEMENTS_SERVICE, createEntitlementsApp, { PLAN_EXPIRY_SWEEP_INTERVAL_MS: '200' })).url;
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  async function putAccount(id: string, body: Record<string, unknown>, users: Record<string, string> = {}) {
    const response = await request('PUT', `${url}/v1/accounts/${id}`, { token: admin, body: { name: id, ...body } });
    expect([200, 201]).toContain(response.status);
    for (const [user, role] of Object.entries(users)) {
      expect((await request('PUT', `${url}/v1/accounts/${id}/users/${user}`, { token: admin, body: { role } })).status).toBe(200);
    }
    return response.body;
  }

  async function publishTicketEvent(event: SupportEvent<{ ticketId: string }>) {
    await probe.publishRaw(TOPICS.tickets, event.data.ticketId, JSON.stringify(event));
  }

  async function fileTicket(accountId: string | null, requesterId: string, priority: TicketPriority = 'urgent', id = randomUUID()) {
    const event = createEvent(
      TicketCreated,
      {
        ticketId: id,
        accountId,
        requesterId,
        subject: 'Meetings drop',
        description: 'Every attendee drops after five minutes.',
        priority,
        device: 'desktop',
        ccEmails: [],
        meetingId: null,
        occurredAt: null,
        createdAt: new Date().toISOString(),
      },
      { source: TICKETING_SOURCE, origin: { correlationId: `corr-${id}` } },
    );
    await publishTicketEvent(event);
    const checked = await probe.waitForEvent<EntitlementCheckedV1>(CHECKED, (e) => e.subject === id && e.data.trigger === 'ticket_created');
    return { id, created: event, checked };
  }

  async function changeStatus(ticketId: string, previousStatus: TicketStatus, status: TicketStatus) {
    await publishTicketEvent(
      createEvent(
        TicketStatusChanged,
        { ticketId, accountId: null, previousStatus, status, reason: null, changedBy: 'agent-1', changedAt: new Date().toISOString() },
        { source: TICKETING_SOURCE, origin: { correlationId: randomUUID() } },
      ),
    );
    await waitFor(
      async () => {
        const rows = await queryDatabase<{ status: string }>(
          stack.database('entitlements'),
          'SELECT status FROM ticket_snapshot WHERE ticket_id = ?',
          [ticketId],
        );
        return rows[0]?.status === status;
      },
      { description: `ticket ${ticketId} ${status}` },
    );
  }

  async function changePriority(ticketId: string, previousPriority: TicketPriority, priority: TicketPriority) {
    await publishTicketEvent(
      createEvent(
        TicketPriorityChanged,
        { ticketId, accountId: null, previousPriority, priority, changedBy: 'agent-1', changedAt: new Date().toISOString() },
        { source: TICKETING_SOURCE, origin: { correlationId: randomUUID() } },
      ),
    );
    await waitFor(
      async () => {
        const rows = await queryDatabase<{ priority: string }>(
          stack.database('entitlements'),
          'SELECT priority FROM ticket_snapshot WHERE ticket_id = ?',
          [ticketId],
        );
        return rows[0]?.priority === priority;
      },
      { description: `ticket ${ticketId} ${priority}` },
    );
  }

  /** The decisions of a ticket in the order they were made, as stored. */
  async function decisions(ticketId: string) {
    return queryDatabase<{ id: string; status: string; reason: string; trigger: string; priority: string; plan_version: number }>(
      stack.database('entitlements'),
      'SELECT id, status, reason, `trigger`, priority, plan_version FROM decision WHERE ticket_id = ? ORDER BY decided_at, id',
      [ticketId],
    );
  }

  /** Waits for this account change's re-decisions to be published, then returns them by ticket. */
  async function redecisions(ticketIds: string[], after: Date) {
    const events = await waitFor(
      () => {
        const found = probe
          .events(CHECKED)
          .filter(
            (e) =>
              ticketIds.includes(e.subject) &&
              (e.data as EntitlementCheckedV1).trigger === 'plan_changed' &&
              new Date((e.data as EntitlementCheckedV1).decidedAt) >= after,
          );
        return found.length === ticketIds.length ? found : null;
      },
      { description: `re-decisions of ${ticketIds.join(', ')}` },
    );
    return new Map(events.map((e) => [e.subject, e as SupportEvent<EntitlementCheckedV1>]));
  }

  it("records a Pro owner's ticket as entitled with the plan version and the deadline, keyed by ticket", async () => {
    await putAccount('acct-pro', { plan: 'pro' }, { 'pro-owner': 'owner' });
    const { id, created, checked } = await fileTicket('acct-pro', 'pro-owner', 'high');
    expect(checked.data).toMatchObject({
      ticketId: id,
      accountId: 'acct-pro',
      status: 'entitled',
      reason: 'entitled',
      plan: 'pro',
      planVersion: 1,
      role: 'owner',
      slaTarget: 'PT4H',
      slaTargets: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
      trigger: 'ticket_created',
      ticketCreatedAt: created.data.createdAt,
    });
    expect(checked.data.message).toMatch(/within 4 hours/);
    expect(checked.correlationid).toBe(created.correlationid);
    expect(checked.causationid).toBe(created.id);
    expect(probe.messages.find((m) => m.event?.id === checked.id)?.key).toBe(id);

    const shown = await request('GET', `${url}/v1/decisions/${id}`, { token: agent });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: checked.data.decisionId, status: 'entitled', planVersion: 1, trigger: 'ticket_created' });
    expect(shown.body.history).toHaveLength(1);
    expect((await request('GET', `${url}/v1/decisions/${randomUUID()}`, { token: agent })).status).toBe(404);
  });

  it.each([
    ['an unknown account', 'acct-ghost', 'someone', { status: 'denied', reason: 'unknown_account', plan: null, role: null }],
    ['no account at all', null, 'walk-in', { status: 'denied', reason: 'unknown_account', plan: null }],
    ['a user the Pro account does not know', 'acct-pro', 'stranger', { status: 'denied', reason: 'end_user', role: 'member' }],
  ])('decides a ticket from %s without failing', async (_, accountId, requester, expected) => {
    const { checked } = await fileTicket(accountId, requester);
    expect(checked.data).toMatchObject({ ...expected, slaTarget: null, channels: { selfService: true, ticket: 'none' } });
  });

  it('records the plan version in force when the ticket was decided', async () => {
    await putAccount('acct-biz', { plan: 'business' }, { 'biz-owner': 'owner' });
    const plan = (await request('GET', `${url}/v1/plans/business`, { token: admin })).body;
    const { updatedAt: _updatedAt, ...definition } = plan;
    const edited = await request('PUT', `${url}/v1/plans/business`, {
      token: admin,
      body: { ...definition, slaTargets: { ...definition.slaTargets, urgent: 'PT45M' } },
    });
    expect(edited.body.version).toBe(2);

    const { id, checked } = await fileTicket('acct-biz', 'biz-owner', 'urgent');
    expect(checked.data).toMatchObject({ plan: 'business', planVersion: 2, slaTarget: 'PT45M' });
    expect((await decisions(id))[0].plan_version).toBe(2);
  });

  it('decides a ticket announced twice under different event ids once', async () => {
    const { id, created } = await fileTicket('acct-pro', 'pro-owner', 'low');
    await probe.publishRaw(TOPICS.tickets, id, JSON.stringify({ ...created, id: randomUUID() }));
    // a later event on the same key is consumed after the duplicate
    await changeStatus(id, 'new', 'open');
    expect(await decisions(id)).toHaveLength(1);
  });

  it('answers a ticket announced again (a re-drive) with its recorded decision, unchanged', async () => {
    const { id, created, checked } = await fileTicket('acct-pro', 'pro-owner', 'high');
    const redrive = { ...created, id: randomUUID(), correlationid: randomUUID() };
    await probe.publishRaw(TOPICS.tickets, id, JSON.stringify(redrive));
    const again = await probe.waitForEvent<EntitlementCheckedV1>(CHECKED, (e) => e.subject === id && e.id !== checked.id);
    // the same decision (id, time, outcome) under a new event id, caused by the re-drive
    expect(again.data).toEqual(checked.data);
    expect(again.causationid).toBe(redrive.id);
    expect(again.correlationid).toBe(redrive.correlationid);
    expect(await decisions(id)).toHaveLength(1);
    const report = await request('GET', `${url}/v1/admin/consistency`, { token: admin });
    expect(report.status).toBe(200);
    expect((report.body as any).counters.decisionsReemitted).toBeGreaterThanOrEqual(1);
  });

  it('ignores a status change of a ticket it never decided, without dead-lettering it', async () => {
    const id = randomUUID();
    await publishTicketEvent(
      createEvent(
        TicketStatusChanged,
        {
          ticketId: id,
          accountId: null,
          previousStatus: 'new',
          status: 'open',
          reason: null,
          changedBy: 'agent-1',
          changedAt: new Date().toISOString(),
        },
        { source: TICKETING_SOURCE, origin: { correlationId: randomUUID() } },
      ),
    );
    // the creation follows the change on the same key, so it is consumed after it
    await fileTicket('acct-pro', 'pro-owner', 'normal', id);
    const rows = await queryDatabase(stack.database('entitlements'), 'SELECT status FROM ticket_snapshot WHERE ticket_id = ?', [id]);
    expect(rows).toEqual([{ status: 'new' }]);
    expect(probe.messages.filter((m) => m.topic === TOPICS.deadLetter && m.key === id)).toHaveLength(0);
  });

  describe('re-deciding open tickets when the account changes', () => {
    let urgentOpen: string;
    let solved: string;
    let lowered: string;
    let memberTicket: string;

    beforeAll(async () => {
      await putAccount('acct-move', { plan: 'pro' }, { 'move-owner': 'owner', 'move-member': 'member' });
      urgentOpen = (await fileTicket('acct-move', 'move-owner', 'urgent')).id;
      solved = (await fileTicket('acct-move', 'move-owner', 'urgent')).id;
      lowered = (await fileTicket('acct-move', 'move-owner', 'urgent')).id;
      memberTicket = (await fileTicket('acct-move', 'move-member', 'normal')).id;
      await changeStatus(solved, 'new', 'solved');
      await changePriority(lowered, 'urgent', 'low');
      await changeStatus(lowered, 'new', 'pending');
    });

    it('denies the open tickets of a downgrade to free, in the transaction of the change, and leaves finished ones', async () => {
      const before = new Date();
      const response = await putAccount('acct-move', { plan: 'free' });
      // the member's ticket stays refused, now because the plan is free: the new reason is announced
      expect(response.redecidedTickets).toBe(3);
      const stored = await queryDatabase(
        stack.database('entitlements'),
        "SELECT ticket_id FROM decision WHERE `trigger` = 'plan_changed' AND account_id = 'acct-move'",
      );
      expect(stored.map((r) => r.ticket_id).sort()).toEqual([urgentOpen, lowered, memberTicket].sort());

      const events = await redecisions([urgentOpen, lowered, memberTicket], before);
      const announced = await probe.waitForEvent<any>(
        'support.account.plan_changed.v1',
        (e) => e.subject === 'acct-move' && e.data.plan === 'free',
      );
      expect(announced.data).toMatchObject({ previousPlan: 'pro', plan: 'free' });
      for (const event of events.values()) {
        expect(event.data).toMatchObject({ status: 'denied', reason: 'free_plan', plan: 'free', slaTarget: null, trigger: 'plan_changed' });
        expect(event.causationid).toBe(announced.id);
        expect(event.correlationid).toBe(announced.correlationid);
      }
      // the re-decision uses the ticket as it is now
      expect(events.get(lowered)!.data.priority).toBe('low');
      expect(await decisions(solved)).toHaveLength(1);
    });

    it('entitles them again on an upgrade, from the moment of the upgrade', async () => {
      const before = new Date();
      const response = await putAccount('acct-move', { plan: 'business' });
      expect(response.redecidedTickets).toBe(3);
      const events = await redecisions([urgentOpen, lowered, memberTicket], before);
      expect(events.get(memberTicket)!.data).toMatchObject({ status: 'denied', reason: 'end_user', role: 'member' });
      expect(events.get(urgentOpen)!.data).toMatchObject({ status: 'entitled', plan: 'business', planVersion: 2, slaTarget: 'PT45M' });
      expect(events.get(lowered)!.data).toMatchObject({ status: 'entitled', slaTarget: 'PT24H', priority: 'low' });
      expect(new Date(events.get(urgentOpen)!.data.decidedAt).getTime()).toBeGreaterThanOrEqual(before.getTime());

      const shown = await request('GET', `${url}/v1/decisions/${urgentOpen}`, { token: admin });
      expect(shown.body).toMatchObject({ status: 'entitled', trigger: 'plan_changed', plan: 'business' });
      expect(shown.body.history.map((d: any) => `${d.trigger}:${d.status}`)).toEqual([
        'plan_changed:entitled',
        'plan_changed:denied',
        'ticket_created:entitled',
      ]);
    });

    it('announces only the tickets whose outcome moved', async () => {
      // business v2 answers urgent tickets within 45 minutes, enterprise within the hour
      const before = new Date();
      const toEnterprise = await putAccount('acct-move', { plan: 'enterprise' });
      expect(toEnterprise.redecidedTickets).toBe(2);
      const events = await redecisions([urgentOpen, lowered], before);
      expect(events.get(urgentOpen)!.data).toMatchObject({ status: 'entitled', plan: 'enterprise', slaTarget: 'PT1H' });

      // enterprise and api owners have the same deadlines, their end users the same refusal
      const toApi = await putAccount('acct-move', { plan: 'api' });
      expect(toApi.redecidedTickets).toBe(0);
      expect(await decisions(urgentOpen)).toHaveLength(4);
      expect(await decisions(memberTicket)).toHaveLength(3);
    });

    it('denies them while the account is suspended, and entitles them again on reactivation', async () => {
      const suspendedAt = new Date();
      await putAccount('acct-move', { plan: 'api', status: 'suspended' });
      const suspended = await redecisions([urgentOpen, lowered], suspendedAt);
      expect(suspended.get(urgentOpen)!.data).toMatchObject({ status: 'denied', reason: 'suspended_account' });

      const reactivatedAt = new Date();
      await putAccount('acct-move', { plan: 'api', status: 'active' });
      const reactivated = await redecisions([urgentOpen, lowered], reactivatedAt);
      expect(reactivated.get(urgentOpen)!.data).toMatchObject({ status: 'entitled', plan: 'api', slaTarget: 'PT1H' });
    });

    it('treats a plan end set in the past as the free plan at once', async () => {
      const before = new Date();
      const response = await putAccount('acct-move', { plan: 'api', planEndsAt: new Date(Date.now() - 60_000).toISOString() });
      expect(response.redecidedTickets).toBe(3);
      const events = await redecisions([urgentOpen, lowered], before);
      expect(events.get(urgentOpen)!.data).toMatchObject({ status: 'denied', reason: 'plan_expired_free', plan: 'free' });
    });
  });

  it('re-decides the open tickets of a paid plan when its end date passes', async () => {
    const endsAt = new Date(Date.now() + 4000);
    await putAccount('acct-ending', { plan: 'pro', planEndsAt: endsAt.toISOString() }, { 'ending-owner': 'owner' });
    const { id, checked } = await fileTicket('acct-ending', 'ending-owner', 'urgent');
    expect(checked.data.status).toBe('entitled');

    const expired = await probe.waitForEvent<EntitlementCheckedV1>(CHECKED, (e) => e.subject === id && e.data.trigger === 'plan_changed');
    expect(expired.data).toMatchObject({ status: 'denied', reason: 'plan_expired_free', plan: 'free' });
    expect(new Date(expired.data.decidedAt).getTime()).toBeGreaterThanOrEqual(endsAt.getTime());
    // each end date is handled once
    await waitFor(async () => {
      const rows = await queryDatabase<{ applied: Date | null }>(
        stack.database('entitlements'),
        "SELECT plan_end_applied_at AS applied FROM account WHERE id = 'acct-ending'",
      );
      return rows[0].applied !== null;
    });
    expect(await decisions(id)).toHaveLength(2);

    const options = await request('GET', `${url}/v1/accounts/acct-ending/support-options?userId=ending-owner`, { token: agent });
    expect(options.body).toMatchObject({ plan: 'pro', effectivePlan: 'free', expired: true, reason: 'plan_expired_free' });
  });
});
