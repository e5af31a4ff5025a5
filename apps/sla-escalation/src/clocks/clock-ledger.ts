import { Injectable } from '@nestjs/common';
import {
  SlaBreached, SlaClockPaused, SlaClockResumed, SlaClockRetimed, SlaClockStarted, SlaClockStopped, SlaEscalated, SlaWarning,
  type ClockOutcome, type EventOrigin,
} from '@support/contracts';
import {
  dueTimers, fireTimer, formatIsoDuration, resumeClock, type SlaClock, type SlaClockStep, type SlaPolicy, type SlaTransition,
} from '@support/domain-sla';
import { OutboxWriter } from '@support/messaging';
import type { EntityManager } from 'typeorm';
import { SlaTimerRecord } from '../timers/sla-timer.entity';
import { clockToJson } from './clock-state';
import type { SlaClockRecord } from './sla-clock.entity';

interface StoredTimer {
  id: string;
  kind: string;
  level: number;
  due_at: Date;
}

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

/**
 * Fires, in order, every timer of the clock that is due at `at`. Consumers call it with an
 * event's time before applying the event, so a warning or breach that was due first is
 * announced first, and the scheduler calls it with the current time.
 */
export function fireDueTimers(clock: SlaClock, policy: SlaPolicy, at: Date): SlaClockStep {
  let current = clock;
  const transitions: SlaTransition[] = [];
  for (const timer of dueTimers(clock, policy)) {
    if (timer.at > at) continue;
    const step = fireTimer(current, timer, at, policy);
    current = step.clock;
    transitions.push(...step.transitions);
  }
  return { clock: current, transitions };
}

/**
 * Writes a clock change in the caller's transaction: the stored state and its query columns,
 * the clock's timers derived afresh from `dueTimers`, and one outbox event per transition. The
 * three commit together or not at all, which is what makes each warning, breach and escalation
 * happen exactly once in effect.
 */
@Injectable()
export class ClockLedger {
  constructor(private readonly outbox: OutboxWriter) {}

  async write(manager: EntityManager, record: SlaClockRecord, clock: SlaClock, transitions: SlaTransition[], change: ClockChange): Promise<void> {
    const stopped = transitions.find((t) => t.kind === 'stopped');
    const outcome = stopped ? publishedOutcome(clock, change.stop) : record.outcome;
    Object.assign(record, {
      priority: clock.priority,
      targetMs: clock.targetMs,
      clockState: clock.state,
      state: clockToJson(clock),
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      warningAt: clock.warningAt,
      warnedAt: clock.warnedAt,
      stoppedAt: clock.stoppedAt,
      breachedAt: clock.breachedAt,
      escalationLevel: clock.escalationLevel,
      outcome,
      stopReason: stopped ? (change.stop?.reason ?? 'stopped') : record.stopReason,
      elapsedMs: stopped?.kind === 'stopped' ? stopped.elapsedMs : record.elapsedMs,
      updatedAt: change.now,
    });
    await manager.save(record);
    await this.replaceTimers(manager, record, clock, change.policy, change.now);
    for (const transition of transitions) {
      await this.publish(manager, record, clock, transition, change, outcome);
    }
  }

  /**
   * Brings the clock's timer rows in line with `dueTimers`. Only whoever holds the clock's row
   * lock writes them, and only by primary key: handlers run under REPEATABLE READ, where a
   * range delete would also lock the gaps beside the rows and deadlock against inserts for
   * other clocks.
   */
  async replaceTimers(manager: EntityManager, record: SlaClockRecord, clock: SlaClock, policy: SlaPolicy, now: Date): Promise<void> {
    const existing: StoredTimer[] = await manager.query('SELECT id, kind, level, due_at FROM sla_timer WHERE clock_id = ?', [record.id]);
    const stored = new Map(existing.map((row) => [`${row.kind}/${row.level}`, row]));
    const inserts: Array<Partial<SlaTimerRecord>> = [];
    for (const timer of dueTimers(clock, policy)) {
      const level = timer.kind === 'escalation' ? timer.level : 0;
      const key = `${timer.kind}/${level}`;
      const row = stored.get(key);
      stored.delete(key);
      if (!row) {
        inserts.push({ clockId: record.id, ticketId: record.ticketId, kind: timer.kind, level, dueAt: timer.at, createdAt: now });
      } else if (new Date(row.due_at).getTime() !== timer.at.getTime()) {
        await manager.query('UPDATE sla_timer SET due_at = ? WHERE id = ?', [timer.at, row.id]);
      }
    }
    if (stored.size > 0) {
      await manager.query('DELETE FROM sla_timer WHERE id IN (?)', [[...stored.values()].map((row) => row.id)]);
    }
    if (inserts.length > 0) await manager.insert(SlaTimerRecord, inserts);
  }

  private async publish(
    manager: EntityManager,
    record: SlaClockRecord,
    clock: SlaClock,
    transition: SlaTransition,
    change: ClockChange,
    outcome: ClockOutcome | null,
  ): Promise<void> {
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
        await this.outbox.add(manager, SlaClockStarted, {
          ...clockFields,
          dueAt: transition.dueAt.toISOString(),
          warningAt: transition.warningAt.toISOString(),
          target: formatIsoDuration(transition.targetMs),
          policyId: record.policyId,
        }, origin);
        return;
      case 'paused':
        await this.outbox.add(manager, SlaClockPaused, { ...clockFields, pausedAt: at }, origin);
        return;
      case 'resumed':
        await this.outbox.add(manager, SlaClockResumed, { ...clockFields, resumedAt: at, dueAt: transition.dueAt.toISOString() }, origin);
        return;
      case 'retimed':
        await this.outbox.add(manager, SlaClockRetimed, {
          ...clockFields,
          previousPriority: transition.previousPriority,
          previousDueAt: transition.previousDueAt?.toISOString() ?? null,
          dueAt: transition.dueAt?.toISOString() ?? null,
          target: formatIsoDuration(transition.targetMs),
          retimedAt: at,
        }, origin);
        return;
      case 'stopped':
        await this.outbox.add(manager, SlaClockStopped, {
          ...clockFields,
          stoppedAt: at,
          dueAt: transition.dueAt?.toISOString() ?? null,
          outcome: outcome ?? transition.outcome,
          reason: change.stop?.reason ?? 'stopped',
        }, origin);
        return;
      case 'warning':
        await this.outbox.add(manager, SlaWarning, {
          ...clockFields,
          dueAt: (transition.dueAt ?? deadlineIfResumed(clock, change)).toISOString(),
          warnedAt: at,
          lateByMs,
        }, origin);
        return;
      case 'breached':
        await this.outbox.add(manager, SlaBreached, { ...clockFields, dueAt: transition.dueAt.toISOString(), breachedAt: at, lateByMs }, origin);
        return;
      case 'escalated':
        await this.outbox.add(manager, SlaEscalated, {
          ...clockFields,
          level: transition.level,
          dueAt: transition.dueAt.toISOString(),
          escalatedAt: at,
          lateByMs,
        }, origin);
        return;
    }
  }
}

function publishedOutcome(clock: SlaClock, stop: StopPublication | undefined): ClockOutcome {
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
