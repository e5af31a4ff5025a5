import { EntitlementChecked, TOPICS } from '@support/contracts';
import { queryDatabase, request, signToken, waitFor } from '@support/testing';
import { ClockRepairSweep } from '../src/consistency/clock-repair.sweep';
import { MINUTE, SlaTestBed, newTicketId } from './sla-test-kit';

/**
 * Anti-entropy in the SLA service alone: entitled decisions whose clocks are missing are found by
 * the repair sweep (the service's clock is moved past SLA_CLOCK_REPAIR_AFTER_MS instead of
 * waiting), a decision announced again starts only what is missing, and nothing ever starts a
 * second clock, also with several sweeps at once (replicas).
 */
describe('SLA clock repair (real Kafka and MariaDB)', () => {
  const bed = new SlaTestBed('slarepair', [TOPICS.sla, TOPICS.deadLetter]);
  let sweep: ClockRepairSweep;
  let agent: string;

  beforeAll(async () => {
    await bed.start();
    sweep = bed.stack.get('sla-escalation').app.get(ClockRepairSweep);
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
  });

  afterAll(() => bed.stop());

  const clocksOf = (ticketId: string) =>
    queryDatabase<{ id: string; metric: string; cycle: number; version: number }>(
      bed.database,
      'SELECT id, metric, cycle, version FROM sla_clock WHERE ticket_id = ? ORDER BY metric, cycle',
      [ticketId],
    );
  const firstResponse = async (ticketId: string) => (await clocksOf(ticketId)).filter((c) => c.metric === 'first_response');
  /** The clocks vanish; the decision stays recorded, not yet checked by the sweep. */
  async function loseClocks(ticketIds: string[]): Promise<void> {
    await queryDatabase(bed.database, 'DELETE FROM sla_timer WHERE ticket_id IN (?)', [ticketIds]);
    await queryDatabase(bed.database, 'DELETE FROM sla_clock WHERE ticket_id IN (?)', [ticketIds]);
    await queryDatabase(bed.database, 'UPDATE sla_ticket SET clock_checked_at = NULL WHERE ticket_id IN (?)', [ticketIds]);
  }
  async function decidedWithClock(): Promise<{ ticketId: string; decision: Awaited<ReturnType<typeof bed.upstream.decide>> }> {
    const ticketId = newTicketId();
    const decision = await bed.upstream.decide(ticketId, { ticketCreatedAt: bed.time.now().toISOString() });
    await bed.event('clock_started', ticketId, (data: any) => data.metric === 'first_response');
    return { ticketId, decision };
  }

  it('starts exactly one clock per ticket when three sweeps (replicas) look at once', async () => {
    const tickets = await Promise.all(Array.from({ length: 6 }, () => decidedWithClock()));
    const ids = tickets.map((t) => t.ticketId);
    await loseClocks(ids);
    bed.time.advance(10 * MINUTE);

    await Promise.all([sweep.sweepOnce(), sweep.sweepOnce(), sweep.sweepOnce()]);
    for (const id of ids) {
      expect(await firstResponse(id)).toHaveLength(1);
      const clocks = await clocksOf(id);
      expect(new Set(clocks.map((c) => `${c.metric}/${c.cycle}`)).size).toBe(clocks.length);
    }
    const unchecked = await queryDatabase(
      bed.database,
      'SELECT ticket_id FROM sla_ticket WHERE ticket_id IN (?) AND clock_checked_at IS NULL',
      [ids],
    );
    expect(unchecked).toHaveLength(0);
    // checked once: later sweeps find nothing more to do for them
    await sweep.sweepOnce();
    for (const id of ids) expect(await firstResponse(id)).toHaveLength(1);

    const report = await request('GET', `${bed.url}/v1/admin/consistency`, { token: agent });
    expect(report.status).toBe(200);
    expect((report.body as any).counters.ticketsRepaired).toBeGreaterThanOrEqual(ids.length);
    expect((report.body as any).stuck.awaitingCheck).toBe(0);
  });

  it('answers a decision announced again with the running clock, and starts a missing one once', async () => {
    const { ticketId, decision } = await decidedWithClock();
    const [clock] = await firstResponse(ticketId);
    const [started] = bed.eventsOf('clock_started', ticketId).filter((data) => data.metric === 'first_response');

    // the same decision (same decisionId) under a new event id: nothing moves, the clock is announced again
    await bed.upstream.publish(EntitlementChecked, decision.data);
    await waitFor(() => bed.eventsOf('clock_started', ticketId).filter((d) => d.metric === 'first_response').length === 2, {
      description: 'the running clock announced again',
    });
    const again = bed.eventsOf('clock_started', ticketId).filter((d) => d.metric === 'first_response');
    expect(again[1]).toEqual(started);
    expect(await firstResponse(ticketId)).toEqual([clock]);

    // now the clock is gone: the repeated decision starts it, once
    await loseClocks([ticketId]);
    await bed.upstream.publish(EntitlementChecked, decision.data);
    await bed.upstream.publish(EntitlementChecked, decision.data);
    await waitFor(async () => (await firstResponse(ticketId)).length === 1, { description: 'the clock started again' });
    // a later event of the same ticket is consumed after both repeats
    await bed.upstream.changeStatus(ticketId, { previousStatus: 'new', status: 'open', changedAt: bed.time.now().toISOString() });
    await waitFor(
      async () => {
        const [row] = await queryDatabase<{ status: string }>(bed.database, 'SELECT status FROM sla_ticket WHERE ticket_id = ?', [
          ticketId,
        ]);
        return row?.status === 'open';
      },
      { description: 'the status change after the repeats' },
    );
    expect(await firstResponse(ticketId)).toHaveLength(1);
    expect(bed.eventsOf('clock_retimed', ticketId)).toHaveLength(0);
  });

  it('starts nothing for an entitled ticket answered before its decision, and marks it checked', async () => {
    const ticketId = newTicketId();
    const created = bed.time.now();
    await bed.upstream.respond(ticketId, {
      respondedAt: new Date(created.getTime() + 1000).toISOString(),
      ticketCreatedAt: created.toISOString(),
    });
    // the two events travel on different topics: the response must be known before the decision arrives
    await waitFor(
      async () => {
        const [row] = await queryDatabase<{ first_responded_at: Date | null }>(
          bed.database,
          'SELECT first_responded_at FROM sla_ticket WHERE ticket_id = ?',
          [ticketId],
        );
        return row?.first_responded_at != null;
      },
      { description: 'the first response applied' },
    );
    await bed.upstream.decide(ticketId, {
      ticketCreatedAt: created.toISOString(),
      trigger: 'plan_changed',
      decidedAt: new Date(created.getTime() + 2000).toISOString(),
    });
    await waitFor(
      async () => {
        const [row] = await queryDatabase<{ decided_at: Date | null }>(
          bed.database,
          'SELECT decided_at FROM sla_ticket WHERE ticket_id = ?',
          [ticketId],
        );
        return row?.decided_at != null;
      },
      { description: 'the decision applied' },
    );
    expect(await firstResponse(ticketId)).toHaveLength(0);

    bed.time.advance(10 * MINUTE);
    await sweep.sweepOnce();
    const [row] = await queryDatabase<{ clock_checked_at: Date | null }>(
      bed.database,
      'SELECT clock_checked_at FROM sla_ticket WHERE ticket_id = ?',
      [ticketId],
    );
    expect(row.clock_checked_at).not.toBeNull();
    expect(await firstResponse(ticketId)).toHaveLength(0);
  });
});
