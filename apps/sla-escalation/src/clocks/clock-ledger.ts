import { Injectable } from '@nestjs/common';
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
import {
  dueTimers,
  fireTimer,
  formatIsoDuration,
  resumeClock,
  type SlaClock,
  type SlaClockStep,
  type SlaPolicy,
  type SlaTransition,
} from '@support/domain-sla';
import { OutboxWriter, pending, type PendingEvent } from '@support/messaging';
import type { EntityManager } from 'typeorm';
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

/** One clock's change, as `ClockLedger.writeMany` takes it. */
export interface ClockWrite {
  record: SlaClockRecord;
  clock: SlaClock;
  transitions: SlaTransition[];
  change: ClockChange;
}

/** A stored timer row of a clock. */
export interface StoredTimer {
  id: string;
  clock_id: string;
  kind: string;
  level: number;
  due_at: Date;
}

/** `sla_clock` columns in the order of the upsert, and the record field each comes from. */
const CLOCK_COLUMNS: ReadonlyArray<[column: string, field: keyof SlaClockRecord]> = [
  ['id', 'id'],
  ['ticket_id', 'ticketId'],
  ['metric', 'metric'],
  ['cycle', 'cycle'],
  ['priority', 'priority'],
  ['policy_id', 'policyId'],
  ['policy_version', 'policyVersion'],
  ['account_id', 'accountId'],
  ['plan', 'plan'],
  ['target_ms', 'targetMs'],
  ['target_source', 'targetSource'],
  ['clock_state', 'clockState'],
  ['state', 'state'],
  ['started_at', 'startedAt'],
  ['due_at', 'dueAt'],
  ['warning_at', 'warningAt'],
  ['warned_at', 'warnedAt'],
  ['stopped_at', 'stoppedAt'],
  ['breached_at', 'breachedAt'],
  ['outcome', 'outcome'],
  ['stop_reason', 'stopReason'],
  ['elapsed_ms', 'elapsedMs'],
  ['escalation_level', 'escalationLevel'],
  ['correlation_id', 'correlationId'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['version', 'version'],
];

/** Columns a later write may change: everything but the key and the creation time. */
const CLOCK_UPSERT =
  `INSERT INTO sla_clock (${CLOCK_COLUMNS.map(([column]) => column).join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ` +
  CLOCK_COLUMNS.filter(([column]) => !['id', 'created_at', 'version'].includes(column))
    .map(([column]) => `${column} = VALUES(${column})`)
    .concat('version = version + 1')
    .join(', ');

/**
 * Writes clock changes in the caller's transaction: the stored state and its query columns,
 * the clocks' timers derived afresh from `dueTimers`, and one outbox event per transition. The
 * three commit together or not at all, which is what makes each warning, breach and escalation
 * happen exactly once in effect.
 */
@Injectable()
export class ClockLedger {
  constructor(private readonly outbox: OutboxWriter) {}

  /** One clock's change; see `writeMany`. */
  write(manager: EntityManager, record: SlaClockRecord, clock: SlaClock, transitions: SlaTransition[], change: ClockChange): Promise<void> {
    return this.writeMany(manager, [{ record, clock, transitions, change }]);
  }

  /**
   * Writes the changes of several clocks (each at most once) set-based, whatever their number:
   * one multi-row upsert of the clocks, one read of their timers unless the caller passes the
   * rows it already holds (`storedTimers`: every timer row of these clocks), one delete of the
   * timers no longer owed or moved, one multi-row insert of the new ones, and one multi-row
   * outbox insert with every clock's events in order.
   *
   * Only whoever holds the clocks' row locks writes their timers, and only by primary key or by
   * insert: handlers run under REPEATABLE READ, where a range delete would also lock the gaps
   * beside the rows and deadlock against inserts for other clocks.
   */
  async writeMany(manager: EntityManager, writes: ClockWrite[], storedTimers?: StoredTimer[]): Promise<void> {
    if (writes.length === 0) return;
    if (new Set(writes.map((w) => w.record.id)).size !== writes.length) {
      throw new Error('ClockLedger.writeMany: each clock may be written once per call');
    }
    const applied = writes.map((w) => this.applyToRecord(w));
    const rows = writes.map(({ record }, index) =>
      CLOCK_COLUMNS.map(([column, field]) => (column === 'state' ? applied[index].stateJson : columnValue(column, record[field]))),
    );
    await manager.query(CLOCK_UPSERT, [rows]);
    for (const { record } of writes) record.version = (record.version ?? 0) + 1;

    const existing: StoredTimer[] =
      storedTimers ??
      (await manager.query('SELECT id, clock_id, kind, level, due_at FROM sla_timer WHERE clock_id IN (?)', [
        writes.map((w) => w.record.id),
      ]));
    const { deletes, inserts } = timerChanges(writes, existing);
    if (deletes.length > 0) {
      // joined to the id list so that each row is reached by its primary key: on a small table
      // the optimiser turns a long IN list into a scan, which waits on (and deadlocks with)
      // rows other replicas hold; JSON_TABLE works on MySQL 8 and MariaDB 10.6+
      await manager.query(
        "DELETE t FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) AS d STRAIGHT_JOIN sla_timer t ON t.id = d.id",
        [JSON.stringify(deletes)],
      );
    }
    if (inserts.length > 0) {
      await manager.query('INSERT INTO sla_timer (clock_id, ticket_id, kind, level, due_at, created_at) VALUES ?', [inserts]);
    }

    const events = writes.flatMap((w, index) => w.transitions.map((t) => eventFor(w.record, w.clock, t, w.change, applied[index].outcome)));
    await this.outbox.addMany(manager, events);
  }

  /** Copies the clock onto its record's columns; answers the outcome its events publish and the stored JSON. */
  private applyToRecord({ record, clock, transitions, change }: ClockWrite): { outcome: ClockOutcome | null; stateJson: string } {
    const stopped = transitions.find((t) => t.kind === 'stopped');
    const outcome = stopped ? publishedOutcome(clock, change.stop) : record.outcome;
    // serialised once: the upsert stores this text, the record keeps its parse (as clockToJson would)
    const stateJson = JSON.stringify(clock);
    Object.assign(record, {
      priority: clock.priority,
      targetMs: clock.targetMs,
      clockState: clock.state,
      state: JSON.parse(stateJson) as Record<string, unknown>,
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
      createdAt: record.createdAt ?? change.now,
    });
    return { outcome, stateJson };
  }
}

function columnValue(column: string, value: unknown): unknown {
  if (column === 'version') return ((value as number | undefined) ?? 0) + 1;
  return value ?? null;
}

/**
 * What brings the stored timer rows in line with `dueTimers` of each written clock: rows no
 * longer owed, or owed at another instant, are deleted; missing or moved ones are inserted.
 */
function timerChanges(writes: ClockWrite[], existing: StoredTimer[]): { deletes: number[]; inserts: unknown[][] } {
  const stored = new Map<string, StoredTimer>();
  for (const row of existing) stored.set(`${row.clock_id}/${row.kind}/${row.level}`, row);
  const deletes: number[] = [];
  const inserts: unknown[][] = [];
  for (const { record, clock, change } of writes) {
    for (const timer of dueTimers(clock, change.policy)) {
      const level = timer.kind === 'escalation' ? timer.level : 0;
      const key = `${record.id}/${timer.kind}/${level}`;
      const row = stored.get(key);
      stored.delete(key);
      if (row && new Date(row.due_at).getTime() === timer.at.getTime()) continue;
      if (row) deletes.push(Number(row.id));
      inserts.push([record.id, record.ticketId, timer.kind, level, timer.at, change.now]);
    }
  }
  const written = new Set(writes.map((w) => w.record.id));
  for (const row of stored.values()) {
    if (written.has(row.clock_id)) deletes.push(Number(row.id));
  }
  return { deletes, inserts };
}

/** The event a transition publishes, with the clock fields every SLA event carries. */
function eventFor(
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
