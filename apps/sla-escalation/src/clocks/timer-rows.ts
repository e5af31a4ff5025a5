import { dueTimers, type SlaClock, type SlaClockTerms, type SlaTimer } from '@support/domain-sla';

/** A stored timer row of a clock. */
export interface StoredTimer {
  id: string;
  clock_id: string;
  kind: string;
  level: number;
  due_at: Date;
}

/** Every timer row of some clocks (parameter: their ids), a plain read. */
export const TIMERS_OF_CLOCKS = 'SELECT id, clock_id, kind, level, due_at FROM sla_timer WHERE clock_id IN (?)';

/** `clock/kind/level`: a timer row's identity (the table's unique key). */
export const timerKey = (clockId: string, kind: string, level: number) => `${clockId}/${kind}/${level}`;

/** A timer's `level` column: the escalation level, 0 for warnings and breaches. */
export const timerLevel = (timer: SlaTimer) => (timer.kind === 'escalation' ? timer.level : 0);

/**
 * The timer rows a clock owes: only the first threshold `dueTimers` lists (the earliest; a tie is
 * listed warning, breach, escalations), or none. Firing goes by the clock's state, not the row:
 * the scheduler that claims this row fires every threshold due by then (`fireDueTimers`), and the
 * ledger writes the row of the next one in the same transaction. One row per clock instead of one
 * per threshold: a new ticket's first-response clock wrote four, each with three index entries.
 */
export function owedTimers(clock: SlaClock, terms: SlaClockTerms): SlaTimer[] {
  return dueTimers(clock, terms).slice(0, 1);
}
