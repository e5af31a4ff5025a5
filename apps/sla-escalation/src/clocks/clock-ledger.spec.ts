import { defaultSlaPolicy, startClock, type SlaClock } from '@support/domain-sla';
import { fireDueTimers, timerChanges, type ClockWrite } from './clock-ledger';
import type { SlaClockRecord } from './sla-clock.entity';
import type { StoredTimer } from './timer-rows';

const HOUR = 3_600_000;
const policy = defaultSlaPolicy();
const created = new Date('2026-11-21T10:00:00.000Z');
const after = (ms: number) => new Date(created.getTime() + ms);

function urgentClock(): SlaClock {
  return startClock({ ticketId: 't-1', metric: 'first_response', priority: 'urgent', startedAt: created, targetMs: HOUR, policy }).clock;
}

describe('fireDueTimers', () => {
  it('fires nothing before the warning', () => {
    expect(fireDueTimers(urgentClock(), policy, after(44 * 60_000)).transitions).toEqual([]);
  });

  it('fires every threshold due by the instant, in order, dated at the thresholds', () => {
    const step = fireDueTimers(urgentClock(), policy, after(2 * HOUR));
    expect(step.transitions.map((t) => [t.kind, t.kind === 'escalated' ? t.level : null, t.at.toISOString()])).toEqual([
      ['warning', null, '2026-11-21T10:45:00.000Z'],
      ['breached', null, '2026-11-21T11:00:00.000Z'],
      ['escalated', 1, '2026-11-21T11:00:00.000Z'],
      ['escalated', 2, '2026-11-21T11:30:00.000Z'],
    ]);
    expect(step.clock).toMatchObject({ escalationLevel: 2, breachedAt: after(HOUR), warnedAt: after(0.75 * HOUR) });
  });

  it('stops at the instant: the breach is due, the second escalation is not', () => {
    const step = fireDueTimers(urgentClock(), policy, after(HOUR));
    expect(step.transitions.map((t) => t.kind)).toEqual(['warning', 'breached', 'escalated']);
    expect(step.clock.escalationLevel).toBe(1);
  });

  it('fires each threshold once however often it is asked: a repeated or late pass finds nothing new', () => {
    const first = fireDueTimers(urgentClock(), policy, after(HOUR));
    expect(fireDueTimers(first.clock, policy, after(HOUR)).transitions).toEqual([]);
    const later = fireDueTimers(first.clock, policy, after(3 * HOUR));
    expect(later.transitions.map((t) => t.kind)).toEqual(['escalated']);
    expect(fireDueTimers(later.clock, policy, after(9 * HOUR)).transitions).toEqual([]);
  });
});

describe('timerChanges (the timer rows a clock write leaves, moved in place where a row is free)', () => {
  const CLOCK = 'clock-1';
  const written = (clock: SlaClock, now = after(HOUR)): ClockWrite => ({
    record: { id: CLOCK, ticketId: 't-1' } as SlaClockRecord,
    clock,
    transitions: [],
    change: { policy, origin: { correlationId: 'c' }, now },
  });
  const row = (id: string, kind: string, level: number, at: Date): StoredTimer => ({ id, clock_id: CLOCK, kind, level, due_at: at });

  it('keeps a row owed at the same instant as it is', () => {
    const clock = urgentClock();
    expect(timerChanges([written(clock)], [row('7', 'warning', 0, after(0.75 * HOUR))])).toEqual({
      deletes: [],
      writes: [],
      earliestOwed: after(0.75 * HOUR),
    });
  });

  it("gives a fired warning's row to the breach that follows it: one row rewritten, none deleted", () => {
    const warned = fireDueTimers(urgentClock(), policy, after(0.8 * HOUR)).clock;
    const { deletes, writes } = timerChanges([written(warned)], [row('7', 'warning', 0, after(0.75 * HOUR))]);
    expect(deletes).toEqual([]);
    expect(writes).toEqual([[7, CLOCK, 't-1', 'breach', 0, after(HOUR), after(HOUR)]]);
  });

  it('moves a row owed at another instant in place, by its id', () => {
    const clock = urgentClock();
    const { deletes, writes } = timerChanges([written(clock)], [row('7', 'warning', 0, after(0.5 * HOUR))]);
    expect(deletes).toEqual([]);
    expect(writes).toEqual([[7, CLOCK, 't-1', 'warning', 0, after(0.75 * HOUR), after(HOUR)]]);
  });

  it('inserts the first row of a clock that has none, and deletes the rows of a clock that owes none', () => {
    expect(timerChanges([written(urgentClock())], []).writes).toEqual([
      [null, CLOCK, 't-1', 'warning', 0, after(0.75 * HOUR), after(HOUR)],
    ]);
    const stopped = { ...urgentClock(), state: 'stopped' as const, stoppedAt: after(0.1 * HOUR) };
    expect(timerChanges([written(stopped)], [row('7', 'warning', 0, after(0.75 * HOUR))])).toEqual({
      deletes: [7],
      writes: [],
      earliestOwed: null,
    });
  });

  it('brings stray rows back to one: the owed key keeps its row, every other row is deleted', () => {
    const clock = urgentClock();
    const { deletes, writes } = timerChanges(
      [written(clock)],
      [row('5', 'breach', 0, after(HOUR)), row('6', 'warning', 0, after(0.5 * HOUR)), row('8', 'escalation', 1, after(HOUR))],
    );
    expect(writes).toEqual([[6, CLOCK, 't-1', 'warning', 0, after(0.75 * HOUR), after(HOUR)]]);
    expect(deletes.sort()).toEqual([5, 8]);
  });

  it('leaves rows that stand in without an id (known unchanged) alone', () => {
    const clock = urgentClock();
    expect(timerChanges([written(clock)], [row('', 'warning', 0, after(0.75 * HOUR))])).toEqual({
      deletes: [],
      writes: [],
      earliestOwed: after(0.75 * HOUR),
    });
  });

  it("answers the earliest threshold the written clocks owe, whether its row moves or not (the scheduler's wake-up)", () => {
    const later = startClock({
      ticketId: 't-2',
      metric: 'first_response',
      priority: 'low',
      startedAt: created,
      targetMs: 24 * HOUR,
      policy,
    }).clock;
    const breached = fireDueTimers(urgentClock(), policy, after(HOUR)).clock;
    const other = (clock: SlaClock): ClockWrite => ({ ...written(clock), record: { id: 'clock-2', ticketId: 't-2' } as SlaClockRecord });
    expect(timerChanges([other(later), written(urgentClock())], []).earliestOwed).toEqual(after(0.75 * HOUR));
    // the breached clock's next escalation is half a target later; its row is already stored
    expect(timerChanges([other(later), written(breached)], [row('7', 'escalation', 2, after(1.5 * HOUR))]).earliestOwed).toEqual(
      after(1.5 * HOUR),
    );
  });
});
