import type { SlaClock, SlaOutcome } from '@support/domain-sla';
import type { SlaClockRecord } from './sla-clock.entity';

const DATE_FIELDS = ['startedAt', 'runningSince', 'pausedAt', 'dueAt', 'warningAt', 'warnedAt', 'stoppedAt', 'breachedAt'] as const;

/**
 * What `sla_clock.state` holds: the parts of the domain clock that no column of the row holds
 * (dates as ISO strings). Everything else (priority, state, target, start, deadline, warning,
 * stop, breach, escalation level) is read from the row's own columns, which every write sets from
 * the same clock: the JSON once repeated all of them, which made the row about twice as long and
 * every clock write correspondingly dearer for the database server.
 */
export interface StoredClockState {
  elapsedBeforePauseMs: number;
  runningSince: string | null;
  pausedAt: string | null;
  pausedTotalMs: number;
  segments: Array<{ from: string; to: string; workingMs: number }>;
  outcome: SlaOutcome | null;
}

/** The row's columns a domain clock is read from, beside `state`. */
export type ClockColumns = Pick<
  SlaClockRecord,
  | 'ticketId'
  | 'metric'
  | 'priority'
  | 'clockState'
  | 'startedAt'
  | 'targetMs'
  | 'dueAt'
  | 'warningAt'
  | 'warnedAt'
  | 'stoppedAt'
  | 'breachedAt'
  | 'escalationLevel'
  | 'state'
>;

/** The clock's `state` column: what its other columns do not hold. */
export function storedClockState(clock: SlaClock): StoredClockState {
  // a loop, not a closure made per clock (CONTRIBUTING.md, "Hot paths")
  const segments: StoredClockState['segments'] = [];
  for (const segment of clock.segments) {
    segments.push({ from: segment.from.toISOString(), to: segment.to.toISOString(), workingMs: segment.workingMs });
  }
  return {
    elapsedBeforePauseMs: clock.elapsedBeforePauseMs,
    runningSince: clock.runningSince?.toISOString() ?? null,
    pausedAt: clock.pausedAt?.toISOString() ?? null,
    pausedTotalMs: clock.pausedTotalMs,
    segments,
    outcome: clock.outcome,
  };
}

/**
 * The domain clock of a stored row: its columns and its `state`. A row last written before the
 * state shrank holds the whole clock in `state` (it has a `ticketId`) and is read from that alone;
 * its next write stores the short form.
 */
export function clockFromRecord(record: ClockColumns): SlaClock {
  const state = record.state;
  if (typeof state['ticketId'] === 'string') return clockFromJson(state);
  const stored = state as unknown as StoredClockState;
  const segments: Array<SlaClock['segments'][number]> = [];
  for (const segment of stored.segments) {
    segments.push({ from: new Date(segment.from), to: new Date(segment.to), workingMs: segment.workingMs });
  }
  return {
    ticketId: record.ticketId,
    metric: record.metric,
    priority: record.priority,
    state: record.clockState,
    startedAt: record.startedAt,
    targetMs: record.targetMs,
    elapsedBeforePauseMs: stored.elapsedBeforePauseMs,
    runningSince: stored.runningSince === null ? null : new Date(stored.runningSince),
    pausedAt: stored.pausedAt === null ? null : new Date(stored.pausedAt),
    pausedTotalMs: stored.pausedTotalMs,
    segments,
    dueAt: record.dueAt,
    warningAt: record.warningAt,
    warnedAt: record.warnedAt,
    stoppedAt: record.stoppedAt,
    outcome: stored.outcome,
    breachedAt: record.breachedAt,
    escalationLevel: record.escalationLevel,
  };
}

/** The whole domain clock as JSON (dates as ISO strings): the `state` of rows written before it shrank. */
export function clockToJson(clock: SlaClock): Record<string, unknown> {
  return JSON.parse(JSON.stringify(clock)) as Record<string, unknown>;
}

/** The domain clock from its whole JSON (`clockToJson`). */
export function clockFromJson(json: Record<string, unknown>): SlaClock {
  const revived: Record<string, unknown> = { ...json };
  for (const field of DATE_FIELDS) {
    const value = json[field];
    revived[field] = typeof value === 'string' ? new Date(value) : null;
  }
  revived['segments'] = ((json['segments'] as Array<{ from: string; to: string; workingMs: number }>) ?? []).map((s) => ({
    from: new Date(s.from),
    to: new Date(s.to),
    workingMs: s.workingMs,
  }));
  return revived as unknown as SlaClock;
}
