import { TOPICS, type EntitlementCheckedV1, type SlaClockStartedV1, type SlaClockStoppedV1 } from '@support/contracts';
import { EventProbe, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { ENTITLEMENTS, SLA, TICKETING } from '../src/services';

const HOUR = 3600_000;
const CHECKED = 'support.entitlement.checked.v1';
const CLOCK_STARTED = 'support.sla.clock_started.v1';
const CLOCK_STOPPED = 'support.sla.clock_stopped.v1';

/**
 * A plan change re-decides the account's open tickets, and the SLA service honours the new
 * decisions: an upgrade gives a best-effort ticket a first-response clock from the moment of the
 * upgrade, a downgrade stops the clock. Ticketing, entitlements (with the Russian source's rule:
 * free accounts file best-effort tickets) and SLA escalation run together.
 */
describe('plan change → re-decision → SLA clocks (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let admin: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.entitlements, TOPICS.sla]);
    stack = ServiceStack.create(broker.brokers, 'planchg');
    await Promise.all([
      stack.start(...TICKETING),
      stack.start(...ENTITLEMENTS, { TICKET_POLICY_MODE: 'all_registered' }),
      stack.start(...SLA),
    ]);
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    for (const [account, plan, owner] of [
      ['acct-grow', 'free', 'grow-owner'],
      ['acct-shrink', 'pro', 'shrink-owner'],
    ]) {
      expect((await putPlan(account, plan)).status).toBe(201);
      const user = await request('PUT', `${stack.url('entitlements')}/v1/accounts/${account}/users/${owner}`, {
        token: admin,
        body: { role: 'owner' },
      });
      expect(user.status).toBe(200);
      tokens[owner] = await signToken({ sub: owner, role: 'customer', account_id: account });
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  function putPlan(account: string, plan: string) {
    return request('PUT', `${stack.url('entitlements')}/v1/accounts/${account}`, { token: admin, body: { name: account, plan } });
  }

  async function fileTicket(user: string, priority: string) {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: tokens[user],
      body: {
        subject: `Audio drops (${priority})`,
        description: 'Meeting 123 456 789 loses audio for everyone.',
        priority,
        device: 'desktop',
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; createdAt: string };
  }

  async function ticketWhen(user: string, id: string, done: (ticket: any) => boolean) {
    return waitFor(
      async () => {
        const response = await request('GET', `${stack.url('ticketing')}/v1/tickets/${id}`, { token: tokens[user] });
        return response.status === 200 && done(response.body) ? response.body : null;
      },
      { timeoutMs: 30_000, description: `ticket ${id}` },
    );
  }

  async function firstResponseClock(id: string, done: (clock: any) => boolean) {
    return waitFor(
      async () => {
        const response = await request('GET', `${stack.url('sla-escalation')}/v1/tickets/${id}/sla`, { token: admin });
        const clock = response.status === 200 ? response.body.clocks.filter((c: any) => c.metric === 'first_response').at(-1) : null;
        return clock && done(clock) ? clock : null;
      },
      { timeoutMs: 30_000, description: `first-response clock of ${id}` },
    );
  }

  it("gives a Free owner's open best-effort ticket a first-response clock from the upgrade to Pro, and stops it on the downgrade", async () => {
    const created = await fileTicket('grow-owner', 'urgent');
    const filed = await probe.waitForEvent<EntitlementCheckedV1>(CHECKED, (e) => e.subject === created.id);
    expect(filed.data).toMatchObject({
      status: 'best_effort',
      reason: 'best_effort',
      plan: 'free',
      slaTarget: null,
      trigger: 'ticket_created',
    });
    const bestEffort = await ticketWhen('grow-owner', created.id, (t) => t.entitlement.status === 'best_effort');
    // a best-effort ticket stays open, without a deadline
    expect(bestEffort.status).not.toBe('rejected');
    expect(bestEffort.sla.firstResponseDueAt).toBeNull();

    const upgrade = await putPlan('acct-grow', 'pro');
    expect(upgrade.status).toBe(200);
    expect(upgrade.body.redecidedTickets).toBe(1);
    const upgraded = await probe.waitForEvent<EntitlementCheckedV1>(
      CHECKED,
      (e) => e.subject === created.id && e.data.trigger === 'plan_changed',
    );
    expect(upgraded.data).toMatchObject({ status: 'entitled', plan: 'pro', planVersion: 1, slaTarget: 'PT1H', priority: 'urgent' });
    const upgradedAt = new Date(upgraded.data.decidedAt).getTime();
    expect(upgradedAt).toBeGreaterThan(new Date(created.createdAt).getTime());

    // the deadline counts from the upgrade, not from the filing
    const started = await probe.waitForEvent<SlaClockStartedV1>(
      CLOCK_STARTED,
      (e) => e.subject === created.id && e.data.metric === 'first_response',
    );
    expect(new Date(started.data.startedAt).getTime()).toBe(upgradedAt);
    expect(new Date(started.data.dueAt).getTime()).toBe(upgradedAt + HOUR);
    expect(started.causationid).toBe(upgraded.id);
    const running = await firstResponseClock(created.id, (c) => c.state === 'running');
    expect(new Date(running.startedAt).getTime()).toBe(upgradedAt);
    expect(new Date(running.dueAt).getTime()).toBe(upgradedAt + HOUR);
    const entitled = await ticketWhen(
      'grow-owner',
      created.id,
      (t) => t.entitlement.status === 'entitled' && t.sla.firstResponseDueAt !== null,
    );
    expect(new Date(entitled.sla.firstResponseDueAt).getTime()).toBe(upgradedAt + HOUR);

    const downgrade = await putPlan('acct-grow', 'free');
    expect(downgrade.body.redecidedTickets).toBe(1);
    const downgraded = await probe.waitForEvent<EntitlementCheckedV1>(
      CHECKED,
      (e) => e.subject === created.id && e.data.trigger === 'plan_changed' && e.data.status !== 'entitled',
    );
    expect(downgraded.data).toMatchObject({ status: 'best_effort', plan: 'free', slaTarget: null });
    const stopped = await probe.waitForEvent<SlaClockStoppedV1>(
      CLOCK_STOPPED,
      (e) => e.subject === created.id && e.data.metric === 'first_response',
    );
    expect(stopped.data).toMatchObject({ reason: 'entitlement_revoked' });
    expect(new Date(stopped.data.stoppedAt).getTime()).toBe(new Date(downgraded.data.decidedAt).getTime());
    const halted = await firstResponseClock(created.id, (c) => c.state === 'stopped');
    expect(halted.breachedAt).toBeNull();
    const backToBestEffort = await ticketWhen('grow-owner', created.id, (t) => t.entitlement.status === 'best_effort');
    expect(backToBestEffort.status).not.toBe('rejected');
    expect(probe.events(CLOCK_STARTED, created.id).filter((e) => (e.data as SlaClockStartedV1).metric === 'first_response')).toHaveLength(
      1,
    );
  });

  it("stops the clock a Pro owner's ticket had from its filing when the account drops to Free", async () => {
    const created = await fileTicket('shrink-owner', 'high');
    const running = await firstResponseClock(created.id, (c) => c.state === 'running');
    expect(new Date(running.dueAt).getTime() - new Date(created.createdAt).getTime()).toBe(4 * HOUR);

    const downgrade = await putPlan('acct-shrink', 'free');
    expect(downgrade.body.redecidedTickets).toBe(1);
    const downgraded = await probe.waitForEvent<EntitlementCheckedV1>(
      CHECKED,
      (e) => e.subject === created.id && e.data.trigger === 'plan_changed',
    );
    expect(downgraded.data).toMatchObject({ status: 'best_effort', plan: 'free' });
    const stopped = await firstResponseClock(created.id, (c) => c.state === 'stopped');
    expect(new Date(stopped.stoppedAt).getTime()).toBe(new Date(downgraded.data.decidedAt).getTime());
    await probe.waitForEvent<SlaClockStoppedV1>(CLOCK_STOPPED, (e) => e.subject === created.id && e.data.reason === 'entitlement_revoked');
  });
});
