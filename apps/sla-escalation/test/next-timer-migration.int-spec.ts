import { defaultSlaPolicy, dueTimers, fireTimer, startClock, type SlaClock } from '@support/domain-sla';
import { migrationBed } from '@support/testing-core';
import { clockToJson } from '../src/clocks/clock-state';
import { SLA_SERVICE } from '../src/service';

const HOUR = 3600_000;

/**
 * Migration 330 keeps one timer row per clock, its next threshold, and writes the others back on
 * down (the release before it trusts a clock's rows to be every threshold still ahead).
 */
describe('migration: one timer row per clock (real MariaDB)', () => {
  const bed = migrationBed(SLA_SERVICE.migrations, 'NextTimerOnly1763800000330', 'timermig');
  const policy = defaultSlaPolicy();

  beforeAll(() =>
    bed.dataSource.query(
      "INSERT INTO sla_policy_version (policy_id, version, definition, created_at, created_by) VALUES (?, 1, ?, NOW(3), 'test')",
      [policy.id, JSON.stringify(policy)],
    ),
  );

  /** A running clock and its rows as the previous release stored them: every threshold dueTimers lists. */
  async function storeClock(id: string, clock: SlaClock): Promise<void> {
    await bed.dataSource.query(
      `INSERT INTO sla_clock (id, ticket_id, metric, cycle, priority, policy_id, policy_version, target_ms, clock_state, state,
                              started_at, due_at, escalation_level, correlation_id, created_at, updated_at, version)
       VALUES (?, ?, 'first_response', 1, 'urgent', ?, 1, ?, 'running', ?, ?, ?, ?, 'corr', NOW(3), NOW(3), 1)`,
      [
        id,
        `ticket-${id}`,
        policy.id,
        clock.targetMs,
        JSON.stringify(clockToJson(clock)),
        clock.startedAt,
        clock.dueAt,
        clock.escalationLevel,
      ],
    );
    const timers = dueTimers(clock, policy).map((t) => [
      id,
      `ticket-${id}`,
      t.kind,
      t.kind === 'escalation' ? t.level : 0,
      t.at,
      new Date(),
    ]);
    await bed.dataSource.query('INSERT INTO sla_timer (clock_id, ticket_id, kind, level, due_at, created_at) VALUES ?', [timers]);
  }

  const rowsOf = async (id: string) =>
    (
      await bed.dataSource.query<Array<{ kind: string; level: number; due_at: Date }>>(
        'SELECT kind, level, due_at FROM sla_timer WHERE clock_id = ? ORDER BY due_at, id',
        [id],
      )
    ).map((row) => `${row.kind}${row.level} ${new Date(row.due_at).toISOString()}`);

  it('keeps each clock’s next threshold, and writes the others back on down', async () => {
    const start = new Date('2026-12-04T10:00:00.000Z');
    const fresh = startClock({
      ticketId: 'ticket-a',
      metric: 'first_response',
      priority: 'urgent',
      startedAt: start,
      targetMs: HOUR,
      policy,
    }).clock;
    // warned: breach and the first escalation are due at the same instant, the breach listed first
    const warned = fireTimer(fresh, dueTimers(fresh, policy)[0], new Date(start.getTime() + 50 * 60_000), policy).clock;
    const A = '01938f4e-69f1-7d2e-8c40-00000000000a';
    const B = '01938f4e-69f1-7d2e-8c40-00000000000b';
    await storeClock(A, fresh);
    await storeClock(B, warned);
    const before = { [A]: await rowsOf(A), [B]: await rowsOf(B) };
    expect(before[A]).toHaveLength(4);
    expect(before[B]).toHaveLength(3);

    await bed.run('up');
    expect(await rowsOf(A)).toEqual(['warning0 2026-12-04T10:45:00.000Z']);
    expect(await rowsOf(B)).toEqual(['breach0 2026-12-04T11:00:00.000Z']);

    await bed.run('down');
    expect(await rowsOf(A)).toEqual(before[A]);
    expect(await rowsOf(B)).toEqual(before[B]);
  });
});
