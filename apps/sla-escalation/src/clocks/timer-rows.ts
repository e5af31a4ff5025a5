import type { SlaTimer } from '@support/domain-sla';

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
