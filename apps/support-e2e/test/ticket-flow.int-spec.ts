import { TOPICS, type SupportEvent, type TicketCreatedV1 } from '@support/contracts';
import { EventProbe, queryDatabase, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { ENTITLEMENTS, SLA, TICKETING } from '../src/services';

const HOUR = 3600_000;

describe('ticket created → plan check → first-response clock (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let admin: string;

  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.entitlements, TOPICS.sla, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'flow');
    await Promise.all([stack.start(...TICKETING), stack.start(...ENTITLEMENTS), stack.start(...SLA)]);
    admin = await signToken({ sub: 'admin-1', role: 'admin' });

    const entitlements = stack.url('entitlements');
    const accounts = [
      { id: 'acct-pro', plan: 'pro', users: { 'pro-owner': 'owner', 'pro-member': 'member' } },
      { id: 'acct-business', plan: 'business', users: { 'biz-admin': 'admin' } },
      { id: 'acct-free', plan: 'free', users: { 'free-owner': 'owner' } },
    ];
    for (const account of accounts) {
      const put = await request('PUT', `${entitlements}/v1/accounts/${account.id}`, {
        token: admin,
        body: { name: account.id, plan: account.plan },
      });
      expect(put.status).toBe(201);
      for (const [user, role] of Object.entries(account.users)) {
        const putUser = await request('PUT', `${entitlements}/v1/accounts/${account.id}/users/${user}`, { token: admin, body: { role } });
        expect(putUser.status).toBe(200);
        tokens[user] = await signToken({ sub: user, role: 'customer', account_id: account.id });
      }
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  async function fileTicket(user: string, priority: string, subject = `help needed (${priority})`) {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: tokens[user],
      body: { subject, description: 'Meeting 123 456 789 drops every attendee after five minutes.', priority, device: 'desktop' },
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

  // the plan check and the deadline reach ticketing on different topics (entitlements, sla), which
  // it works on side by side: the page can show the deadline a moment before the plan check
  const decidedAndTimed = (t: any) => t.entitlement.status !== 'pending' && t.sla.firstResponseDueAt !== null;

  it("gives a Pro owner's urgent ticket a first response due exactly one hour after creation", async () => {
    const created = await fileTicket('pro-owner', 'urgent');
    const ticket = await ticketWhen('pro-owner', created.id, decidedAndTimed);
    expect(ticket.entitlement.status).toBe('entitled');
    expect(new Date(ticket.sla.firstResponseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(HOUR);

    const started = await probe.waitForEvent<any>('support.sla.clock_started.v1', (e) => e.subject === created.id);
    const checked = await probe.waitForEvent<any>('support.entitlement.checked.v1', (e) => e.subject === created.id);
    const filed = await probe.waitForEvent<any>('support.ticket.created.v1', (e) => e.subject === created.id);
    // one correlation id runs through the whole flow, each event caused by the one before
    expect(checked.correlationid).toBe(filed.correlationid);
    expect(started.correlationid).toBe(filed.correlationid);
    expect(checked.causationid).toBe(filed.id);
    expect(started.causationid).toBe(checked.id);
    const keys = probe.messages.filter((m) => m.event?.subject === created.id).map((m) => m.key);
    expect(new Set(keys)).toEqual(new Set([created.id]));
  });

  it("gives a Business admin's low ticket 24 hours", async () => {
    const created = await fileTicket('biz-admin', 'low');
    const ticket = await ticketWhen('biz-admin', created.id, decidedAndTimed);
    expect(ticket.entitlement.status).toBe('entitled');
    expect(new Date(ticket.sla.firstResponseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(24 * HOUR);
  });

  it.each([
    ['free-owner', 'free_plan'],
    ['pro-member', 'end_user'],
  ])('rejects the ticket of %s (%s) with the reason and self-service, and starts no clock', async (user, reason) => {
    const created = await fileTicket(user, 'urgent');
    const ticket = await ticketWhen(user, created.id, (t) => t.status === 'rejected');
    expect(ticket.entitlement).toMatchObject({ status: 'denied', reason });
    expect(ticket.statusReason).toEqual(expect.stringMatching(/\w+/));
    expect(ticket.entitlement.selfService).toEqual({ helpCenter: '/v1/articles', suggestions: '/v1/suggestions' });
    expect(ticket.entitlement.channels).toMatchObject({ selfService: true, ticket: 'none' });
    expect(ticket.sla.firstResponseDueAt).toBeNull();
    await probe.waitForEvent('support.ticket.status_changed.v1', (e) => e.subject === created.id);
    const sla = await request('GET', `${stack.url('sla-escalation')}/v1/tickets/${created.id}/sla`, { token: admin });
    expect(sla.status).toBe(404);
    expect(probe.events('support.sla.clock_started.v1', created.id)).toHaveLength(0);
  });

  it('applies a ticket.created delivered twice once: one decision, one clock', async () => {
    const created = await fileTicket('pro-owner', 'high');
    await ticketWhen('pro-owner', created.id, (t) => t.sla.firstResponseDueAt !== null);
    const original = probe.messages.find((m) => m.event?.type === 'support.ticket.created.v1' && m.event.subject === created.id)!;
    const checked = probe.messages.find((m) => m.event?.type === 'support.entitlement.checked.v1' && m.event.subject === created.id)!;

    await probe.publishRaw(TOPICS.tickets, original.key, original.value!);
    await probe.publishRaw(TOPICS.entitlements, checked.key, checked.value!);
    // a later event with the same key lands behind the duplicates on their partitions
    const marker = await fileTicket('pro-owner', 'low');
    await ticketWhen('pro-owner', marker.id, (t) => t.sla.firstResponseDueAt !== null);
    await waitFor(async () => {
      const inbox = await queryDatabase(stack.database('entitlements'), 'SELECT COUNT(*) AS n FROM inbox_event WHERE event_id = ?', [
        original.event!.id,
      ]);
      return Number(inbox[0].n) === 1;
    });

    const decisions = await queryDatabase(stack.database('entitlements'), 'SELECT id FROM decision WHERE ticket_id = ?', [created.id]);
    expect(decisions).toHaveLength(1);
    const clocks = await queryDatabase(stack.database('sla-escalation'), 'SELECT id FROM sla_clock WHERE ticket_id = ?', [created.id]);
    expect(clocks).toHaveLength(1);
    const outbox = await queryDatabase(
      stack.database('sla-escalation'),
      "SELECT id FROM outbox_message WHERE type = 'support.sla.clock_started.v1' AND message_key = ?",
      [created.id],
    );
    expect(outbox).toHaveLength(1);
  });

  it('parks a garbage message and an invalid event in support.dlq and keeps the flow going', async () => {
    await probe.publishRaw(TOPICS.tickets, 'garbage-1', 'this is { not json');
    const invalid: Partial<SupportEvent<Partial<TicketCreatedV1>>> = {
      specversion: '1.0',
      id: 'bad-payload-1',
      source: '/elsewhere',
      type: 'support.ticket.created.v1',
      time: new Date().toISOString(),
      subject: 'x',
      datacontenttype: 'application/json',
      correlationid: 'c-bad',
      data: { ticketId: 'x', priority: 'whenever' as never },
    };
    await probe.publishRaw(TOPICS.tickets, 'garbage-2', JSON.stringify(invalid));

    // every consumer group of support.tickets parks its own copy; this test follows the plan check's
    const garbage = await probe.waitForMessage(
      (m) => m.topic === TOPICS.deadLetter && m.key === 'garbage-1' && m.headers['dlq-consumer'] === 'entitlements.tickets',
    );
    expect(garbage.value).toBe('this is { not json');
    // every consumer of support.tickets parks it on its own (entitlements, SLA, knowledge base)
    expect(garbage.headers).toMatchObject({ 'dlq-origin-topic': TOPICS.tickets, 'dlq-reason': 'unparseable' });
    expect(garbage.headers['dlq-consumer']).toMatch(/\.tickets$/);
    const badPayload = await probe.waitForMessage((m) => m.topic === TOPICS.deadLetter && m.key === 'garbage-2');
    expect(badPayload.headers['dlq-reason']).toBe('invalid_payload');
    expect(badPayload.headers['dlq-error']).toMatch(/priority/);

    const created = await fileTicket('pro-owner', 'normal');
    const ticket = await ticketWhen('pro-owner', created.id, (t) => t.sla.firstResponseDueAt !== null);
    expect(new Date(ticket.sla.firstResponseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(24 * HOUR);
  });
});
