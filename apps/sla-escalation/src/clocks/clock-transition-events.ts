import {
  SlaBreached,
  SlaClockPaused,
  SlaClockResumed,
  SlaClockRetimed,
  SlaClockStarted,
  SlaClockStopped,
  SlaEscalated,
  SlaWarning,
  type ClockOutcome,
  type EventOrigin,
} from '@support/contracts';
import { formatIsoDuration, resumeClock, type SlaClock, type SlaPolicy, type SlaTransition } from '@support/domain-sla';
import { pending, type PendingEvent } from '@support/messaging';
import type { SlaClockRecord } from './sla-clock.entity';

/** How a stop is published: why, and whether an unbreached stop means the clock no longer applied. */
export interface StopPublication {
  reason: string;
  /** a clock stopped by something other than the awaited reply is cancelled, unless it had breached */
  cancelsUnlessBreached: boolean;
}

export interface ClockChange {
  policy: SlaPolicy;
  origin: EventOrigin;
  /** the moment of writing, from the time source: how late a fired threshold is */
  now: Date;
  stop?: StopPublication;
}

/** The event a transition publishes, with the clock fields every SLA event carries; `outcome` as `publishedOutcome` answers it for a stop. */
export function transitionEvent(
  record: SlaClockRecord,
  clock: SlaClock,
  transition: SlaTransition,
  change: ClockChange,
  outcome: ClockOutcome | null,
): PendingEvent {
  const clockFields = {
    clockId: record.id,
    ticketId: record.ticketId,
    metric: record.metric,
    priority: transition.priority,
    startedAt: clock.startedAt.toISOString(),
  };
  const at = transition.at.toISOString();
  const lateByMs = Math.max(0, change.now.getTime() - transition.at.getTime());
  const { origin } = change;
  switch (transition.kind) {
    case 'started':
      return pending(
        SlaClockStarted,
        {
          ...clockFields,
          dueAt: transition.dueAt.toISOString(),
          warningAt: transition.warningAt.toISOString(),
          target: formatIsoDuration(transition.targetMs),
          policyId: record.policyId,
          targetSource: record.targetSource,
        },
        origin,
      );
    case 'paused':
      return pending(SlaClockPaused, { ...clockFields, pausedAt: at }, origin);
    case 'resumed':
      return pending(SlaClockResumed, { ...clockFields, resumedAt: at, dueAt: transition.dueAt.toISOString() }, origin);
    case 'retimed':
      return pending(
        SlaClockRetimed,
        {
          ...clockFields,
          previousPriority: transition.previousPriority,
          previousDueAt: transition.previousDueAt?.toISOString() ?? null,
          dueAt: transition.dueAt?.toISOString() ?? null,
          target: formatIsoDuration(transition.targetMs),
          targetSource: record.targetSource,
          retimedAt: at,
        },
        origin,
      );
    case 'stopped':
      return pending(
        SlaClockStopped,
        {
          ...clockFields,
          stoppedAt: at,
          dueAt: transition.dueAt?.toISOString() ?? null,
          outcome: outcome ?? transition.outcome,
          reason: change.stop?.reason ?? 'stopped',
        },
        origin,
      );
    case 'warning':
      return pending(
        SlaWarning,
        {
          ...clockFields,
          dueAt: (transition.dueAt ?? deadlineIfResumed(clock, change)).toISOString(),
          warnedAt: at,
          lateByMs,
        },
        origin,
      );
    case 'breached':
      return pending(SlaBreached, { ...clockFields, dueAt: transition.dueAt.toISOString(), breachedAt: at, lateByMs }, origin);
    case 'escalated':
      return pending(
        SlaEscalated,
        {
          ...clockFields,
          level: transition.level,
          dueAt: transition.dueAt.toISOString(),
          escalatedAt: at,
          lateByMs,
        },
        origin,
      );
  }
}

/** The outcome a stopped clock publishes (and stores): `cancelled` when the stop means it no longer applied. */
export function publishedOutcome(clock: SlaClock, stop: StopPublication | undefined): ClockOutcome {
  const outcome = clock.outcome ?? 'met';
  return stop?.cancelsUnlessBreached && outcome !== 'breached' ? 'cancelled' : outcome;
}

/**
 * A paused clock has no deadline. It can still owe a warning for a threshold it ran past before
 * the pause (after a re-time to a shorter target); that warning names the deadline the ticket
 * would have if work resumed at the moment of firing.
 */
function deadlineIfResumed(clock: SlaClock, change: ClockChange): Date {
  return resumeClock(clock, change.now, change.policy).clock.dueAt ?? change.now;
}
