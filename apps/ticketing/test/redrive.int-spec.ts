import { request, ServiceStack, signToken, startMockKafka, queryDatabase, type RunningBroker } from '@support/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TicketRedriver } from '../src/anti-entropy/ticket-redriver';
import { createTicketingApp } from '../src/app';
import { TICKETING_SERVICE } from '../src/service';

const AFTER_MS = 60_000;

/**
 * The re-drive sweep of ticketing alone (no entitlements running, so filed tickets stay pending),
 * driven pass by pass with a chosen "now": which tickets count as stuck, the doubling schedule,
 * the last attempt, and two sweeps at once (two replicas) re-driving each ticket once.
 */
describe('ticketing re-drives tickets stuck without their decision or clock (real MariaDB and Kafka)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let attachmentsDir: string;
  let redriver: TicketRedriver;
  let customer: string;
  let agent: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'redrive');
    attachmentsDir = await mkdtemp(path.join(tmpdir(), 'redrive-attachments-'));
    // the background loop runs once at start-up, then not within the test: passes are driven here
    const service = await stack.start(TICKETING_SERVICE, createTicketingApp, {
      ATTACHMENTS_DIR: attachmentsDir,
      TICKET_REDRIVE_AFTER_MS: String(AFTER_MS),
      TICKET_REDRIVE_INTERVAL_MS: '3600000',
      TICKET_REDRIVE_MAX_ATTEMPTS: '3',
      TICKET_REDRIVE_BATCH_SIZE: '1000',
    });
    redriver = service.app.get(TicketRedriver);
    customer = await signToken({ sub: 'requester-1', role: 'customer', account_id: 'acct-1' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
  });

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
    if (attachmentsDir) await rm(attachmentsDir, { recursive: true, force: true });
  });

  const db = () => stack.database('ticketing');

  /** A filed ticket; unless told otherwise, the knowledge base's suggestions reached it (no knowledge base runs here). */
  async function fileTicket({ suggested = true } = {}): Promise<string> {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: customer,
      body: {
        subject: 'Echo in every meeting',
        description: 'Participants hear an echo in meeting 123 456 789.',
        priority: 'high',
        device: 'desktop',
      },
    });
    expect(response.status).toBe(201);
    const id = (response.body as { id: string }).id;
    if (suggested) await queryDatabase(db(), 'UPDATE ticket SET awaiting_suggestions = FALSE WHERE id = ?', [id]);
    return id;
  }

  const createdEvents = async (ticketId: string) =>
    Number(
      (
        await queryDatabase<{ n: number }>(
          db(),
          "SELECT COUNT(*) AS n FROM outbox_message WHERE type = 'support.ticket.created.v1' AND message_key = ?",
          [ticketId],
        )
      )[0].n,
    );
  const redriveOf = async (ticketId: string) =>
    (
      await queryDatabase<{ attempts: number; reason: string; next_redrive_at: Date | null }>(
        db(),
        'SELECT attempts, reason, next_redrive_at FROM ticket_redrive WHERE ticket_id = ?',
        [ticketId],
      )
    )[0];
  /** a sweep pass as if the clock read `offsetMs` after now */
  const sweepAt = (offsetMs: number) => redriver.sweepOnce(new Date(Date.now() + offsetMs));
  /** makes every earlier ticket look settled, so each test sees only its own */
  const settleAll = () => queryDatabase(db(), "UPDATE ticket SET entitlement_status = 'best_effort', awaiting_suggestions = FALSE");

  it('re-drives each stuck ticket once when two sweeps (two replicas) run at once', async () => {
    await settleAll();
    const ids = await Promise.all(Array.from({ length: 12 }, () => fileTicket()));
    expect(await sweepAt(0)).toBe(0); // not stuck yet: younger than TICKET_REDRIVE_AFTER_MS

    const [a, b] = await Promise.all([sweepAt(AFTER_MS + 1000), sweepAt(AFTER_MS + 1000)]);
    expect(a + b).toBe(ids.length);
    for (const id of ids) {
      expect(await createdEvents(id)).toBe(2); // the filing's and one re-drive
      expect(await redriveOf(id)).toMatchObject({ attempts: 1, reason: 'decision' });
    }
  });

  it('waits twice as long before each later re-drive and stops after the last attempt', async () => {
    await settleAll();
    const id = await fileTicket();
    const after = (n: number) => AFTER_MS * n + 1000;
    expect(await sweepAt(after(1))).toBe(1);
    // the second re-drive is due 2 × after later, the third 4 × after after that
    expect(await sweepAt(after(1) + 1000)).toBe(0);
    expect(await sweepAt(after(3) + 2000)).toBe(1);
    expect(await sweepAt(after(3) + 4000)).toBe(0);
    expect(await sweepAt(after(7) + 4000)).toBe(1);
    expect(await redriveOf(id)).toMatchObject({ attempts: 3, next_redrive_at: null });
    // used up: reported, never re-driven again
    expect(await sweepAt(after(100))).toBe(0);
    expect(await createdEvents(id)).toBe(4);

    const report = await request('GET', `${stack.url('ticketing')}/v1/admin/consistency`, { token: agent });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ stuck: { awaitingDecision: 0 }, settings: { maxAttempts: 3, redriveAfterMs: AFTER_MS } });
    expect((report.body as any).counters.lastAttempts).toBeGreaterThanOrEqual(1);
    // not yet older than TICKET_REDRIVE_AFTER_MS on the real clock: the report counts it once it is
    expect(await redriver.stuck(new Date(Date.now() + after(1)))).toMatchObject({ awaitingDecision: 1, exhausted: 1 });
  });

  it('re-drives an entitled ticket without its clock, and leaves decided, answered, finished and clocked tickets alone', async () => {
    await settleAll();
    const [noClock, withClock, answered, closed, denied] = await Promise.all(Array.from({ length: 5 }, () => fileTicket()));
    const decided = new Date();
    await queryDatabase(db(), "UPDATE ticket SET entitlement_status = 'entitled', entitlement_decided_at = ? WHERE id IN (?)", [
      decided,
      [noClock, withClock, answered, closed],
    ]);
    await queryDatabase(db(), "UPDATE ticket SET sla_clock_state = 'running' WHERE id = ?", [withClock]);
    await queryDatabase(db(), 'UPDATE ticket SET first_responded_at = ? WHERE id = ?', [decided, answered]);
    await queryDatabase(db(), "UPDATE ticket SET status = 'closed' WHERE id = ?", [closed]);
    await queryDatabase(db(), "UPDATE ticket SET entitlement_status = 'denied', status = 'rejected' WHERE id = ?", [denied]);

    expect(await sweepAt(AFTER_MS + 1000)).toBe(1);
    expect(await redriveOf(noClock)).toMatchObject({ attempts: 1, reason: 'clock' });
    for (const id of [withClock, answered, closed, denied]) expect(await redriveOf(id)).toBeUndefined();
  });

  it('re-drives a decided ticket the suggestions never reached, and only that one', async () => {
    await settleAll();
    const [lost, reached] = await Promise.all([fileTicket({ suggested: false }), fileTicket()]);
    await queryDatabase(
      db(),
      "UPDATE ticket SET entitlement_status = 'denied', status = 'rejected', entitlement_decided_at = NOW(3) WHERE id IN (?)",
      [[lost, reached]],
    );
    expect(await redriver.stuck(new Date(Date.now() + AFTER_MS + 1000))).toMatchObject({
      awaitingDecision: 0,
      awaitingClock: 0,
      awaitingSuggestions: 1,
    });
    const before = (await request('GET', `${stack.url('ticketing')}/v1/admin/consistency`, { token: agent })).body as any;

    expect(await sweepAt(AFTER_MS + 1000)).toBe(1);
    expect(await redriveOf(lost)).toMatchObject({ attempts: 1, reason: 'suggestions' });
    expect(await redriveOf(reached)).toBeUndefined();
    expect(await createdEvents(lost)).toBe(2);
    const after = (await request('GET', `${stack.url('ticketing')}/v1/admin/consistency`, { token: agent })).body as any;
    expect(after.counters.redrivenForSuggestions).toBe(before.counters.redrivenForSuggestions + 1);
    // not again before its next re-drive is due
    expect(await sweepAt(AFTER_MS + 2000)).toBe(0);
  });

  it('refuses the consistency report to customers', async () => {
    expect((await request('GET', `${stack.url('ticketing')}/v1/admin/consistency`, { token: customer })).status).toBe(403);
  });
});
