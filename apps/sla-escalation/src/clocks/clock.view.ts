import { elapsedWorkingTime, formatIsoDuration, type SlaPolicy } from '@support/domain-sla';
import { clockFromRecord } from './clock-state';
import type { SlaClockRecord } from './sla-clock.entity';

/**
 * One clock as answered over HTTP. `remainingMs` is the time left until the deadline while the
 * clock runs (negative once overdue), the working time left while it is paused (no deadline
 * exists then), and null once stopped. `elapsedMs` is the working time used, pauses excluded.
 */
export function clockView(record: SlaClockRecord, policy: SlaPolicy, now: Date) {
  const clock = clockFromRecord(record);
  const elapsedMs = elapsedWorkingTime(clock, now, policy);
  let remainingMs: number | null = null;
  if (clock.state === 'running' && clock.dueAt) remainingMs = clock.dueAt.getTime() - now.getTime();
  if (clock.state === 'paused') remainingMs = clock.targetMs - clock.elapsedBeforePauseMs;
  const pausedMs =
    clock.pausedTotalMs + (clock.state === 'paused' && clock.pausedAt ? Math.max(0, now.getTime() - clock.pausedAt.getTime()) : 0);
  return {
    id: record.id,
    metric: record.metric,
    cycle: record.cycle,
    state: record.clockState,
    priority: record.priority,
    target: formatIsoDuration(record.targetMs),
    /** who set the target: `plan` (the customer's first-response commitment) or `policy` */
    targetSource: record.targetSource,
    policyVersion: record.policyVersion,
    startedAt: record.startedAt.toISOString(),
    dueAt: record.dueAt?.toISOString() ?? null,
    warningAt: record.warningAt?.toISOString() ?? null,
    warnedAt: record.warnedAt?.toISOString() ?? null,
    remainingMs,
    elapsedMs,
    pausedMs,
    pausedAt: clock.pausedAt?.toISOString() ?? null,
    stoppedAt: record.stoppedAt?.toISOString() ?? null,
    breachedAt: record.breachedAt?.toISOString() ?? null,
    outcome: record.outcome,
    stopReason: record.stopReason,
    escalationLevel: record.escalationLevel,
  };
}
