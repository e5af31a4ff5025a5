import { TOPICS } from '@support/contracts';
import { EventProbe, queryDatabase, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { v7 as uuidv7 } from 'uuid';
import { ENTITLEMENTS, SLA, TICKETING, TICKETING_NO_TIME } from '../src/services';

/**
 * Anti-entropy against real MariaDB and Kafka: events that vanish on the way (a broker that died
 * with acknowledged messages) are simulated by removing their effects from the databases, then
 * the sweeps must bring each ticket to its decision and exactly one first-response clock.
 */
describe('anti-entropy: lost events are re-driven and repaired (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let admin: string;
  let agent: string;
  let owner: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.entitlements, TOPICS.sla, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'entropy');
    await Promise.all([
      stack.start(...TICKETING, {
        TICKET_REDRIVE_AFTER_MS: '2000',
        TICKET_REDRIVE_INTERVAL_MS: '250',
        TICKET_REDRIVE_MAX_ATTEMPTS: '3',
        // no knowledge base runs here, so no ticket ever gets suggestions: not a reason to re-drive
        TICKET_REDRIVE_SUGGESTIONS: 'false',
      }),
      stack.start(...ENTITLEMENTS),
      stack.start(...SLA, { SLA_CLOCK_REPAIR_AFTER_MS: '2000', SLA_CLOCK_REPAIR_INTERVAL_MS: '250' }),
    ]);
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
    const entitlements = stack.url('entitlements');
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-pro`, { token: admin, body: { name: 'Pro', plan: 'pro' } })).status,
    ).toBe(201);
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-pro/users/pro-owner`, { token: admin, body: { role: 'owner' } })).status,
    ).toBe(200);
    owner = await signToken({ sub: 'pro-owner', role: 'customer', account_id: 'acct-pro' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  const db = (service: string) => stack.database(service);

  async function fileTicket(priority = 'urgent'): Promise<{ id: string; createdAt: string }> {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: owner,
      body: {
        subject: `anti-entropy (${priority})`,
        description: 'Meeting 123 456 789 drops every attendee.',
        priority,
        device: 'desktop',
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; createdAt: string };
  }

  async function ticketWhen(id: string, done: (ticket: any) => boolean, description: string): Promise<any> {
    return waitFor(
      async () => {
        const response = await request('GET', `${stack.url('ticketing')}/v1/tickets/${id}`, { token: owner });
        return response.status === 200 && done(response.body) ? response.body : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, description },
    );
  }

  const withClock = (t: any) => t.entitlement.status === 'entitled' && t.sla.firstResponseDueAt !== null;

  async function decidedWithClock(): Promise<any> {
    const { id } = await fileTicket();
    return ticketWhen(id, withClock, `ticket ${id} decided with its clock`);
  }

  async function consistency(service: string, token = agent): Promise<any> {
    const response = await request('GET', `${stack.url(service)}/v1/admin/consistency`, { token });
    expect(response.status).toBe(200);
    return response.body;
  }

  const decisionsOf = (ticketId: string) =>
    queryDatabase<{ id: string }>(db('entitlements'), 'SELECT id FROM decision WHERE ticket_id = ?', [ticketId]);
  const clocksOf = (ticketId: string) =>
    queryDatabase<{ id: string; metric: string; cycle: number; version: number; due_at: Date }>(
      db('sla-escalation'),
      'SELECT id, metric, cycle, version, due_at FROM sla_clock WHERE ticket_id = ? ORDER BY metric, cycle',
      [ticketId],
    );
  const firstResponseClocks = async (ticketId: string) => (await clocksOf(ticketId)).filter((c) => c.metric === 'first_response');

  /** A copy of a filed ticket under a new id, as if its created event had vanished with the broker. */
  async function insertTicketWithoutEvent(template: string): Promise<string> {
    const [row] = await queryDatabase<Record<string, unknown>>(db('ticketing'), 'SELECT * FROM ticket WHERE id = ?', [template]);
    const id = uuidv7();
    const copy: Record<string, unknown> = {
      ...row,
      id,
      subject: 'filed while the broker died',
      version: 1,
      created_at: new Date(),
      updated_at: new Date(),
      entitlement_status: 'pending',
      entitlement_reason: '',
      entitlement_decided_at: TICKETING_NO_TIME,
      sla_clock_state: '',
      sla_first_response_due_at: TICKETING_NO_TIME,
      sla_breached: 0,
      sla_escalation_level: 0,
      sla_updated_at: TICKETING_NO_TIME,
    };
    for (const [column, value] of Object.entries(copy)) {
      if (value !== null && typeof value === 'object' && !(value instanceof Date)) copy[column] = JSON.stringify(value);
    }
    await queryDatabase(db('ticketing'), 'INSERT INTO ticket SET ?', [copy]);
    expect(await queryDatabase(db('ticketing'), 'SELECT id FROM outbox_message WHERE message_key = ?', [id])).toHaveLength(0);
    return id;
  }

  it('re-drives a ticket whose created event was lost: it ends decided, with exactly one first-response clock', async () => {
    const template = await decidedWithClock();
    const before = (await consistency('ticketing')).counters;
    const lost = await insertTicketWithoutEvent(template.id);

    const ticket = await ticketWhen(lost, withClock, `lost ticket ${lost} re-driven to its clock`);
    // the clock counts from the ticket's filing, not from the re-drive
    expect(new Date(ticket.sla.firstResponseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(3600_000);
    const [redrive] = await queryDatabase<{ attempts: number; reason: string }>(
      db('ticketing'),
      'SELECT attempts, reason FROM ticket_redrive WHERE ticket_id = ?',
      [lost],
    );
    expect(redrive.attempts).toBeGreaterThanOrEqual(1);
    expect(redrive.reason).toBe('decision');
    expect(await decisionsOf(lost)).toHaveLength(1);
    expect(await firstResponseClocks(lost)).toHaveLength(1);

    const after = await consistency('ticketing');
    expect(after.counters.ticketsRedriven).toBeGreaterThan(before.ticketsRedriven);
    expect(after.counters.redrivenForDecision).toBeGreaterThan(before.redrivenForDecision);
    expect(after.settings).toMatchObject({ redriveAfterMs: 2000, maxAttempts: 3 });
    // the re-drive is a new event: a new id, the ticket's original createdAt
    const created = probe.events('support.ticket.created.v1', lost) as any[];
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created[0].data.createdAt).toBe(ticket.createdAt);
  });

  it('re-emits a recorded decision whose event was lost, unchanged, and the SLA service starts its clock', async () => {
    const ticket = await decidedWithClock();
    const [decision] = await decisionsOf(ticket.id);
    // the decision was made and recorded, but neither ticketing nor the SLA service ever saw it
    await queryDatabase(
      db('ticketing'),
      `UPDATE ticket SET entitlement_status = 'pending', entitlement_reason = '', entitlement_decided_at = ?, sla_clock_state = '',
      sla_first_response_due_at = ?, sla_updated_at = ? WHERE id = ?`,
      [TICKETING_NO_TIME, TICKETING_NO_TIME, TICKETING_NO_TIME, ticket.id],
    );
    await queryDatabase(db('ticketing'), 'DELETE FROM ticket_plan_check WHERE ticket_id = ?', [ticket.id]);
    await queryDatabase(db('sla-escalation'), 'DELETE FROM sla_timer WHERE ticket_id = ?', [ticket.id]);
    await queryDatabase(db('sla-escalation'), 'DELETE FROM sla_clock WHERE ticket_id = ?', [ticket.id]);
    await queryDatabase(db('sla-escalation'), 'DELETE FROM sla_ticket WHERE ticket_id = ?', [ticket.id]);
    const reemittedBefore = (await consistency('entitlements')).counters.decisionsReemitted;

    const repaired = await ticketWhen(ticket.id, withClock, `ticket ${ticket.id} decided again`);
    expect(repaired.entitlement).toEqual(ticket.entitlement);
    expect(repaired.sla.firstResponseDueAt).toBe(ticket.sla.firstResponseDueAt);
    // still one decision: the recorded one, announced again under a new event id
    expect(await decisionsOf(ticket.id)).toEqual([decision]);
    const checked = await waitFor(
      () => {
        const events = probe.events('support.entitlement.checked.v1', ticket.id) as any[];
        return events.length >= 2 ? events : null;
      },
      { timeoutMs: 30_000, description: 'the decision announced twice' },
    );
    expect(new Set(checked.map((e) => e.data.decisionId))).toEqual(new Set([decision.id]));
    expect(new Set(checked.map((e) => e.data.decidedAt)).size).toBe(1);
    expect(new Set(checked.map((e) => e.id)).size).toBe(checked.length);
    expect(await firstResponseClocks(ticket.id)).toHaveLength(1);
    expect((await consistency('entitlements', admin)).counters.decisionsReemitted).toBeGreaterThan(reemittedBefore);
  });

  it('changes nothing when an already decided ticket with its clock is re-driven', async () => {
    const ticket = await decidedWithClock();
    const [created] = probe.events('support.ticket.created.v1', ticket.id) as any[];
    const ticketRow = async () => (await queryDatabase(db('ticketing'), 'SELECT * FROM ticket WHERE id = ?', [ticket.id]))[0];
    // every fact but clock_checked_at, which the repair sweep sets on its own schedule
    const slaTicket = async () =>
      (await queryDatabase<Record<string, unknown>>(db('sla-escalation'), 'SELECT * FROM sla_ticket WHERE ticket_id = ?', [ticket.id])).map(
        ({ clock_checked_at: _checked, ...facts }) => facts,
      );
    const [rowBefore, clocksBefore, slaBefore] = [await ticketRow(), await clocksOf(ticket.id), await slaTicket()];

    // what ticketing's sweep publishes: the same ticket under a new event id
    const redrive = { ...created, id: uuidv7(), correlationid: uuidv7() };
    await probe.publishRaw(TOPICS.tickets, ticket.id, JSON.stringify(redrive));
    const checked = await waitFor(
      () => {
        const events = probe.events('support.entitlement.checked.v1', ticket.id) as any[];
        return events.length >= 2 ? events : null;
      },
      { timeoutMs: 30_000, description: 'the recorded decision announced again' },
    );
    expect(checked[1].data).toEqual(checked[0].data);
    expect(checked[1].causationid).toBe(redrive.id);
    const started = await waitFor(
      () => {
        const events = (probe.events('support.sla.clock_started.v1', ticket.id) as any[]).filter((e) => e.data.metric === 'first_response');
        return events.length >= 2 ? events : null;
      },
      { timeoutMs: 30_000, description: 'the running clock announced again' },
    );
    expect(started[1].data).toEqual(started[0].data);
    // ticketing has applied both repeats (its inbox holds them) ...
    await waitFor(
      async () => {
        const seen = await queryDatabase(db('ticketing'), 'SELECT event_id FROM inbox_event WHERE event_id IN (?)', [
          [checked[1].id, started[1].id],
        ]);
        return seen.length === 2;
      },
      { timeoutMs: 30_000, description: 'ticketing consumed the repeats' },
    );

    // ... and nothing moved anywhere: one decision, the same rows, the same versions
    expect(await decisionsOf(ticket.id)).toHaveLength(1);
    expect(await clocksOf(ticket.id)).toEqual(clocksBefore);
    expect(await slaTicket()).toEqual(slaBefore);
    expect(await ticketRow()).toEqual(rowBefore);
    expect(probe.events('support.sla.clock_retimed.v1', ticket.id)).toHaveLength(0);
  });

  it('repairs a lost clock_started: the re-drive makes the SLA service announce the running clock again', async () => {
    const ticket = await decidedWithClock();
    const clocks = await clocksOf(ticket.id);
    const reannouncedBefore = (await consistency('sla-escalation')).counters.clocksReannounced;
    // ticketing never saw the clock start: an entitled ticket without a clock
    await queryDatabase(
      db('ticketing'),
      "UPDATE ticket SET sla_clock_state = '', sla_first_response_due_at = ?, sla_updated_at = ? WHERE id = ?",
      [TICKETING_NO_TIME, TICKETING_NO_TIME, ticket.id],
    );

    const repaired = await ticketWhen(ticket.id, withClock, `ticket ${ticket.id} shows its clock again`);
    expect(repaired.sla.firstResponseDueAt).toBe(ticket.sla.firstResponseDueAt);
    const [redrive] = await queryDatabase<{ attempts: number; reason: string }>(
      db('ticketing'),
      'SELECT attempts, reason FROM ticket_redrive WHERE ticket_id = ?',
      [ticket.id],
    );
    expect(redrive).toMatchObject({ reason: 'clock' });
    expect(await decisionsOf(ticket.id)).toHaveLength(1);
    expect(await clocksOf(ticket.id)).toEqual(clocks);
    expect((await consistency('sla-escalation')).counters.clocksReannounced).toBeGreaterThan(reannouncedBefore);
    expect((await consistency('ticketing')).counters.redrivenForClock).toBeGreaterThanOrEqual(1);
  });

  it('starts exactly one clock for an entitled decision recorded without one', async () => {
    const ticket = await decidedWithClock();
    const [original] = await firstResponseClocks(ticket.id);
    const before = (await consistency('sla-escalation')).counters;
    // the decision stays recorded; its clocks are gone, and the sweep has not checked it yet
    await queryDatabase(db('sla-escalation'), 'DELETE FROM sla_timer WHERE ticket_id = ?', [ticket.id]);
    await queryDatabase(db('sla-escalation'), 'DELETE FROM sla_clock WHERE ticket_id = ?', [ticket.id]);
    await queryDatabase(db('sla-escalation'), 'UPDATE sla_ticket SET clock_checked_at = NULL WHERE ticket_id = ?', [ticket.id]);

    const [repaired] = await waitFor(
      async () => {
        const found = await firstResponseClocks(ticket.id);
        return found.length > 0 ? found : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, description: 'the repaired clock' },
    );
    expect(repaired.id).not.toBe(original.id);
    expect(repaired.due_at).toEqual(original.due_at);
    await waitFor(() => probe.events('support.sla.clock_started.v1', ticket.id).some((e: any) => e.data.clockId === repaired.id), {
      description: 'clock_started of the repaired clock',
    });

    const after = await consistency('sla-escalation');
    expect(after.counters.clocksRepaired).toBeGreaterThan(before.clocksRepaired);
    expect(after.counters.ticketsRepaired).toBe(before.ticketsRepaired + 1);
    // more sweeps start nothing more
    await waitFor(async () => (await consistency('sla-escalation')).counters.sweeps >= after.counters.sweeps + 4, {
      description: 'four more sweeps',
    });
    const clocks = await clocksOf(ticket.id);
    expect(clocks.filter((c) => c.metric === 'first_response')).toHaveLength(1);
    expect(new Set(clocks.map((c) => c.metric)).size).toBe(clocks.length);
    await waitFor(async () => (await consistency('sla-escalation')).stuck.awaitingCheck === 0, {
      description: 'every old decision checked',
    });
  });

  it('shows the consistency report to staff only', async () => {
    for (const service of ['ticketing', 'entitlements', 'sla-escalation']) {
      expect((await request('GET', `${stack.url(service)}/v1/admin/consistency`, { token: owner })).status).toBe(403);
      expect((await request('GET', `${stack.url(service)}/v1/admin/consistency`)).status).toBe(401);
      const body = await consistency(service, admin);
      expect(body.service).toBe(service);
      expect(Object.values(body.counters).every((n) => typeof n === 'number')).toBe(true);
    }
    for (const service of ['ticketing', 'entitlements', 'sla-escalation']) {
      const docs = await request('GET', `${stack.url(service)}/docs/json`);
      expect(docs.status).toBe(200);
      expect(Object.keys((docs.body as any).paths)).toContain('/v1/admin/consistency');
    }
  });
});
