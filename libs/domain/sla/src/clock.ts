import { type BusinessCalendar, createBusinessCalendar } from './calendar';
import type { SlaMetric, SlaPolicy, TicketPriority } from './policy';

export type SlaClockState = 'running' | 'paused' | 'stopped';
export type SlaOutcome = 'met' | 'breached';

/** A closed stretch during which the clock ran, with the working time it consumed. */
export interface RunningSegment {
  readonly from: Date;
  readonly to: Date;
  readonly workingMs: number;
}

/**
 * One SLA clock of one ticket. All durations are working time on the policy calendar except
 * `pausedTotalMs`, which is the absolute time spent paused (what a report of waiting time shows).
 *
 * `segments` keeps the closed running stretches so that the instant any threshold was crossed
 * can be found again after a pause, which a re-time to a shorter target needs.
 */
export interface SlaClock {
  readonly ticketId: string;
  readonly metric: SlaMetric;
  readonly priority: TicketPriority;
  readonly state: SlaClockState;
  readonly startedAt: Date;
  readonly targetMs: number;
  /** Working time consumed before the current running segment (all of it once paused or stopped). */
  readonly elapsedBeforePauseMs: number;
  readonly runningSince: Date | null;
  readonly pausedAt: Date | null;
  readonly pausedTotalMs: number;
  readonly segments: readonly RunningSegment[];
  /** When the target is reached; null while paused, since nobody knows when work resumes. */
  readonly dueAt: Date | null;
  readonly warningAt: Date | null;
  readonly warnedAt: Date | null;
  readonly stoppedAt: Date | null;
  readonly outcome: SlaOutcome | null;
  readonly breachedAt: Date | null;
  readonly escalationLevel: number;
}

/** The parts of a policy a running clock depends on; a whole `SlaPolicy` will do. */
export type SlaClockTerms = Pick<SlaPolicy, 'warningAt' | 'escalation' | 'calendar'>;

interface TransitionBase {
  readonly ticketId: string;
  readonly metric: SlaMetric;
  readonly priority: TicketPriority;
  /** When it happened; for fired timers, the threshold instant rather than the firing moment. */
  readonly at: Date;
}

export type SlaTransition =
  | (TransitionBase & { readonly kind: 'started'; readonly targetMs: number; readonly dueAt: Date; readonly warningAt: Date })
  | (TransitionBase & { readonly kind: 'paused'; readonly elapsedMs: number })
  | (TransitionBase & { readonly kind: 'resumed'; readonly pausedMs: number; readonly dueAt: Date; readonly warningAt: Date })
  | (TransitionBase & {
      readonly kind: 'retimed';
      readonly previousPriority: TicketPriority;
      readonly previousTargetMs: number;
      readonly previousDueAt: Date | null;
      readonly targetMs: number;
      readonly dueAt: Date | null;
      readonly warningAt: Date | null;
    })
  | (TransitionBase & { readonly kind: 'stopped'; readonly outcome: SlaOutcome; readonly dueAt: Date | null; readonly elapsedMs: number })
  | (TransitionBase & { readonly kind: 'warning'; readonly dueAt: Date | null })
  | (TransitionBase & { readonly kind: 'breached'; readonly dueAt: Date })
  | (TransitionBase & { readonly kind: 'escalated'; readonly level: number; readonly dueAt: Date });

export type SlaTransitionKind = SlaTransition['kind'];

export interface SlaClockStep {
  readonly clock: SlaClock;
  readonly transitions: SlaTransition[];
}

export type SlaTimer =
  | { readonly kind: 'warning'; readonly at: Date }
  | { readonly kind: 'breach'; readonly at: Date }
  | { readonly kind: 'escalation'; readonly level: number; readonly at: Date };

export interface StartClockInput {
  ticketId: string;
  metric: SlaMetric;
  priority: TicketPriority;
  startedAt: Date;
  targetMs: number;
  policy: SlaClockTerms;
}

export function startClock(input: StartClockInput): SlaClockStep {
  assertInstant(input.startedAt, 'startedAt');
  assertTarget(input.targetMs);
  const calendar = createBusinessCalendar(input.policy.calendar);
  const fresh: SlaClock = {
    ticketId: input.ticketId,
    metric: input.metric,
    priority: input.priority,
    state: 'running',
    startedAt: input.startedAt,
    targetMs: input.targetMs,
    elapsedBeforePauseMs: 0,
    runningSince: input.startedAt,
    pausedAt: null,
    pausedTotalMs: 0,
    segments: [],
    dueAt: null,
    warningAt: null,
    warnedAt: null,
    stoppedAt: null,
    outcome: null,
    breachedAt: null,
    escalationLevel: 0,
  };
  const clock = withSchedule(fresh, input.policy, calendar);
  return {
    clock,
    transitions: [
      {
        ...identity(clock),
        kind: 'started',
        at: clock.startedAt,
        targetMs: clock.targetMs,
        dueAt: clock.dueAt as Date,
        warningAt: clock.warningAt as Date,
      },
    ],
  };
}

/** Pausing a clock that is not running changes nothing: status updates repeat and cross. */
export function pauseClock(clock: SlaClock, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  if (clock.state !== 'running' || clock.runningSince === null) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const pausedAt = notBefore(at, clock.runningSince);
  const segment = closeSegment(clock.runningSince, pausedAt, calendar);
  const paused: SlaClock = {
    ...clock,
    state: 'paused',
    elapsedBeforePauseMs: clock.elapsedBeforePauseMs + segment.workingMs,
    segments: [...clock.segments, segment],
    runningSince: null,
    pausedAt,
    dueAt: null,
    warningAt: null,
  };
  return {
    clock: paused,
    transitions: [{ ...identity(paused), kind: 'paused', at: pausedAt, elapsedMs: paused.elapsedBeforePauseMs }],
  };
}

/** The paused span does not count, so due and warning instants move later by its working time. */
export function resumeClock(clock: SlaClock, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  if (clock.state !== 'paused' || clock.pausedAt === null) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const resumedAt = notBefore(at, clock.pausedAt);
  const pausedMs = resumedAt.getTime() - clock.pausedAt.getTime();
  const resumed = withSchedule(
    {
      ...clock,
      state: 'running',
      runningSince: resumedAt,
      pausedAt: null,
      pausedTotalMs: clock.pausedTotalMs + pausedMs,
    },
    policy,
    calendar,
  );
  return {
    clock: resumed,
    transitions: [
      {
        ...identity(resumed),
        kind: 'resumed',
        at: resumedAt,
        pausedMs,
        dueAt: resumed.dueAt as Date,
        warningAt: resumed.warningAt as Date,
      },
    ],
  };
}

/**
 * Applies a new priority and target while keeping the working time already consumed.
 *
 * The new due instant is the one at which the new target was or will be reached given the
 * clock's history. A shorter target may therefore put it in the past: the breach timer from
 * `dueTimers` is then already due, and the breach is recorded with that past instant, which
 * is when the ticket truly went over its new deadline. A breach or warning already recorded
 * stays recorded, since its event has been published.
 */
export function retimeClock(clock: SlaClock, priority: TicketPriority, targetMs: number, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  assertTarget(targetMs);
  if (clock.state === 'stopped' || (clock.priority === priority && clock.targetMs === targetMs)) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const changed: SlaClock = { ...clock, priority, targetMs };
  const retimed = clock.state === 'running' ? withSchedule(changed, policy, calendar) : changed;
  return {
    clock: retimed,
    transitions: [
      {
        ...identity(retimed),
        kind: 'retimed',
        at: notBefore(at, lastChange(clock)),
        previousPriority: clock.priority,
        previousTargetMs: clock.targetMs,
        previousDueAt: clock.dueAt,
        targetMs,
        dueAt: retimed.dueAt,
        warningAt: retimed.warningAt,
      },
    ],
  };
}

/**
 * Stops the clock: met when stopped no later than the due instant, breached otherwise. A
 * breach whose timer has not fired yet is recorded on the way, so every breached clock
 * announces its breach exactly once. A recorded breach is final.
 */
export function stopClock(clock: SlaClock, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  if (clock.state === 'stopped') {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const stoppedAt = notBefore(at, lastChange(clock));
  const breachInstant = thresholdCrossing(clock, clock.targetMs, calendar);
  const breached = clock.breachedAt !== null || (breachInstant !== null && breachInstant < stoppedAt);
  const transitions: SlaTransition[] = [];
  let breachedAt = clock.breachedAt;
  if (breached && breachedAt === null && breachInstant !== null) {
    breachedAt = breachInstant;
    transitions.push({ ...identity(clock), kind: 'breached', at: breachInstant, dueAt: breachInstant });
  }
  let { segments, elapsedBeforePauseMs, pausedTotalMs } = clock;
  if (clock.state === 'running' && clock.runningSince !== null) {
    const segment = closeSegment(clock.runningSince, stoppedAt, calendar);
    segments = [...segments, segment];
    elapsedBeforePauseMs += segment.workingMs;
  } else if (clock.pausedAt !== null) {
    pausedTotalMs += stoppedAt.getTime() - clock.pausedAt.getTime();
  }
  const outcome: SlaOutcome = breached ? 'breached' : 'met';
  const stopped: SlaClock = {
    ...clock,
    state: 'stopped',
    segments,
    elapsedBeforePauseMs,
    pausedTotalMs,
    runningSince: null,
    pausedAt: null,
    stoppedAt,
    outcome,
    breachedAt,
  };
  transitions.push({
    ...identity(stopped),
    kind: 'stopped',
    at: stoppedAt,
    outcome,
    dueAt: clock.dueAt,
    elapsedMs: elapsedBeforePauseMs,
  });
  return { clock: stopped, transitions };
}

/**
 * The timers this clock still needs, earliest first. Instants may lie in the past (after a
 * re-time, a restart or a late delivery); such timers are due at once. A paused clock only
 * lists thresholds it ran past before the pause: the rest wait for the resume.
 *
 * Escalation level n fires when working time reaches `target × (1 + afterBreachFractions[n-1])`,
 * i.e. the fraction is counted in working time after the deadline, pauses excluded; on a 24/7
 * calendar that is `dueAt + fraction × target`.
 */
export function dueTimers(clock: SlaClock, policy: SlaClockTerms): SlaTimer[] {
  if (clock.state === 'stopped') {
    return [];
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const timers: SlaTimer[] = [];
  if (clock.warnedAt === null && clock.breachedAt === null) {
    const at = thresholdCrossing(clock, warningThresholdMs(clock, policy), calendar);
    if (at !== null) timers.push({ kind: 'warning', at });
  }
  if (clock.breachedAt === null) {
    const at = thresholdCrossing(clock, clock.targetMs, calendar);
    if (at !== null) timers.push({ kind: 'breach', at });
  }
  const levels = policy.escalation.afterBreachFractions.length;
  for (let level = clock.escalationLevel + 1; level <= levels; level += 1) {
    const at = thresholdCrossing(clock, escalationThresholdMs(clock, policy, level), calendar);
    if (at === null) break;
    timers.push({ kind: 'escalation', level, at });
  }
  // Thresholds grow from warning to the last level, so the list is already in time order.
  return timers;
}

/**
 * Records the warning if it is due at `at`. Stale, early or repeated timers are no-ops, which
 * makes at-least-once timer delivery safe. Once breached, a warning is pointless and skipped.
 */
export function recordWarning(clock: SlaClock, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  if (clock.state === 'stopped' || clock.warnedAt !== null || clock.breachedAt !== null) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const warnedAt = thresholdCrossing(clock, warningThresholdMs(clock, policy), calendar);
  if (warnedAt === null || at < warnedAt) {
    return unchanged(clock);
  }
  const warned: SlaClock = { ...clock, warnedAt };
  return { clock: warned, transitions: [{ ...identity(warned), kind: 'warning', at: warnedAt, dueAt: warned.dueAt }] };
}

/** Records the breach if it is due at `at`; `breachedAt` is the deadline that was missed. */
export function recordBreach(clock: SlaClock, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  if (clock.state === 'stopped' || clock.breachedAt !== null) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const breachedAt = thresholdCrossing(clock, clock.targetMs, calendar);
  if (breachedAt === null || at < breachedAt) {
    return unchanged(clock);
  }
  const breached: SlaClock = { ...clock, breachedAt };
  return {
    clock: breached,
    transitions: [{ ...identity(breached), kind: 'breached', at: breachedAt, dueAt: breachedAt }],
  };
}

/**
 * Raises the escalation level up to `level`, one transition per level that is due at `at`, so
 * a late timer never skips a rung. Escalating implies a breach, recorded first if still missing.
 */
export function recordEscalation(clock: SlaClock, level: number, at: Date, policy: SlaClockTerms): SlaClockStep {
  assertInstant(at, 'at');
  const levels = policy.escalation.afterBreachFractions.length;
  if (clock.state === 'stopped' || !Number.isInteger(level) || level <= clock.escalationLevel || level > levels) {
    return unchanged(clock);
  }
  const calendar = createBusinessCalendar(policy.calendar);
  const dueLevels: Array<{ level: number; at: Date }> = [];
  for (let next = clock.escalationLevel + 1; next <= level; next += 1) {
    const reachedAt = thresholdCrossing(clock, escalationThresholdMs(clock, policy, next), calendar);
    if (reachedAt === null || at < reachedAt) break;
    dueLevels.push({ level: next, at: reachedAt });
  }
  if (dueLevels.length === 0) {
    return unchanged(clock);
  }
  const breach = recordBreach(clock, at, policy);
  const breachedAt = breach.clock.breachedAt as Date;
  const escalated: SlaClock = { ...breach.clock, escalationLevel: dueLevels[dueLevels.length - 1].level };
  return {
    clock: escalated,
    transitions: [
      ...breach.transitions,
      ...dueLevels.map((due): SlaTransition => ({
        ...identity(escalated),
        kind: 'escalated',
        at: due.at,
        level: due.level,
        dueAt: breachedAt,
      })),
    ],
  };
}

/** Applies a fired timer, as listed by `dueTimers`. */
export function fireTimer(clock: SlaClock, timer: SlaTimer, at: Date, policy: SlaClockTerms): SlaClockStep {
  switch (timer.kind) {
    case 'warning':
      return recordWarning(clock, at, policy);
    case 'breach':
      return recordBreach(clock, at, policy);
    case 'escalation':
      return recordEscalation(clock, timer.level, at, policy);
  }
}

/** Working time the clock has consumed by `at` (frozen while paused and once stopped). */
export function elapsedWorkingTime(clock: SlaClock, at: Date, policy: SlaClockTerms): number {
  assertInstant(at, 'at');
  if (clock.state !== 'running' || clock.runningSince === null) {
    return clock.elapsedBeforePauseMs;
  }
  const calendar = createBusinessCalendar(policy.calendar);
  return clock.elapsedBeforePauseMs + calendar.workingTimeBetween(clock.runningSince, at);
}

function withSchedule(clock: SlaClock, policy: SlaClockTerms, calendar: BusinessCalendar): SlaClock {
  return {
    ...clock,
    dueAt: thresholdCrossing(clock, clock.targetMs, calendar),
    warningAt: thresholdCrossing(clock, warningThresholdMs(clock, policy), calendar),
  };
}

function warningThresholdMs(clock: SlaClock, policy: SlaClockTerms): number {
  return Math.max(1, Math.round(clock.targetMs * policy.warningAt));
}

function escalationThresholdMs(clock: SlaClock, policy: SlaClockTerms, level: number): number {
  return clock.targetMs + Math.round(clock.targetMs * policy.escalation.afterBreachFractions[level - 1]);
}

/**
 * The first instant at which the clock ran past `thresholdMs` of working time, or null if it
 * has not yet and is paused. Reaching a threshold exactly as a pause began is not running past
 * it: such a clock crosses at the resume. A closed segment's crossing can only lie before its
 * end, unless the calendar was edited since the segment was measured; that case moves on to
 * the next segment rather than inventing an instant outside the running time.
 */
function thresholdCrossing(clock: SlaClock, thresholdMs: number, calendar: BusinessCalendar): Date | null {
  let consumed = 0;
  for (const segment of clock.segments) {
    const remaining = thresholdMs - consumed;
    if (remaining <= segment.workingMs) {
      const reached = calendar.addWorkingTime(segment.from, Math.max(0, remaining));
      if (reached < segment.to) return reached;
    }
    consumed += segment.workingMs;
  }
  if (clock.state === 'running' && clock.runningSince !== null) {
    return calendar.addWorkingTime(clock.runningSince, Math.max(0, thresholdMs - consumed));
  }
  return null;
}

function closeSegment(from: Date, to: Date, calendar: BusinessCalendar): RunningSegment {
  return { from, to, workingMs: calendar.workingTimeBetween(from, to) };
}

function lastChange(clock: SlaClock): Date {
  return clock.runningSince ?? clock.pausedAt ?? clock.startedAt;
}

/**
 * Timestamps come from other services and can be slightly skewed; a clock never runs
 * backwards, so an instant before its last change is taken as that change.
 */
function notBefore(at: Date, floor: Date): Date {
  return at < floor ? floor : at;
}

function identity(clock: SlaClock): Pick<TransitionBase, 'ticketId' | 'metric' | 'priority'> {
  return { ticketId: clock.ticketId, metric: clock.metric, priority: clock.priority };
}

function unchanged(clock: SlaClock): SlaClockStep {
  return { clock, transitions: [] };
}

function assertInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

function assertTarget(targetMs: number): void {
  if (!Number.isSafeInteger(targetMs) || targetMs <= 0) {
    throw new RangeError(`targetMs must be a whole number of milliseconds above zero, got ${targetMs}`);
  }
}
