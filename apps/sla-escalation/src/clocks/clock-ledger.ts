import { Injectable } from '@nestjs/common';
import type { ClockOutcome } from '@support/contracts';
import { dueTimers, fireTimer, type SlaClock, type SlaClockStep, type SlaPolicy, type SlaTransition } from '@support/domain-sla';
import { OutboxWriter, type PendingEvent } from '@support/messaging';
import type { EntityManager } from 'typeorm';
import { storedClockState } from './clock-state';
import { CLOCK_UPSERT, clockUpsertRow } from './clock-upsert';
import { publishedOutcome, transitionEvent, type ClockChange } from './clock-transition-events';
import type { SlaClockRecord } from './sla-clock.entity';
import { owedTimers, TIMERS_OF_CLOCKS, timerKey, timerLevel, type StoredTimer } from './timer-rows';
import { TimerWakeups } from './timer-wakeups';

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

/**
 * Writes clock changes in the caller's transaction: the stored state and its query columns,
 * the clock's timer row derived afresh (`owedTimers`: its next threshold), and one outbox event per transition. The
 * three commit together or not at all, which is what makes each warning, breach and escalation
 * happen exactly once in effect. The earliest threshold the written clocks owe goes to
 * `TimerWakeups`, so that the commit wakes the scheduler only when one may come due before its
 * next poll.
 */
@Injectable()
export class ClockLedger {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly wakeups: TimerWakeups,
  ) {}

  /** One clock's change; see `writeMany`. */
  write(manager: EntityManager, record: SlaClockRecord, clock: SlaClock, transitions: SlaTransition[], change: ClockChange): Promise<void> {
    return this.writeMany(manager, [{ record, clock, transitions, change }]);
  }

  /**
   * Writes the changes of several clocks (each at most once) set-based, whatever their number:
   * one multi-row upsert of the clocks; one read of their timers, unless the caller passes the
   * rows it already holds (`storedTimers`: every timer row of these clocks) or every clock is new
   * (a clock gets its id when it starts, so it has no rows before its first write); one
   * multi-row upsert of the timer rows new or moved (`TIMER_UPSERT`); one delete of the rows no
   * longer owed that no new threshold took; and one multi-row outbox insert with every clock's
   * events in order.
   *
   * Only whoever holds the clocks' row locks writes their timers, and only by primary key or by
   * insert (the upsert's rows name their ids, or are new), whatever the caller's isolation: under
   * REPEATABLE READ a range delete would also lock the gaps beside the rows and deadlock against
   * inserts for other clocks.
   */
  async writeMany(manager: EntityManager, writes: ClockWrite[], storedTimers?: StoredTimer[]): Promise<void> {
    if (writes.length === 0) return;
    // loops, not closures made per call (CONTRIBUTING.md, "Hot paths")
    const clockIds: string[] = [];
    for (const write of writes) clockIds.push(write.record.id);
    if (new Set(clockIds).size !== writes.length) {
      throw new Error('ClockLedger.writeMany: each clock may be written once per call');
    }
    // a clock never written before (no version yet: `ClockOperations.start` made it) has no timer rows
    const storedClockIds: string[] = [];
    for (const write of writes) if (write.record.version !== undefined) storedClockIds.push(write.record.id);
    const applied: Array<{ outcome: ClockOutcome | null; stateJson: string }> = [];
    const rows: unknown[][] = [];
    for (const write of writes) {
      const result = this.applyToRecord(write);
      applied.push(result);
      rows.push(clockUpsertRow(write.record, result.stateJson));
    }
    await manager.query(CLOCK_UPSERT, [rows]);
    for (const { record } of writes) record.version = (record.version ?? 0) + 1;

    const existing: StoredTimer[] =
      storedTimers ?? (storedClockIds.length === 0 ? [] : await manager.query(TIMERS_OF_CLOCKS, [storedClockIds]));
    const { deletes, writes: timerRows, earliestOwed } = timerChanges(writes, existing);
    if (earliestOwed) this.wakeups.owed(earliestOwed);
    if (deletes.length > 0) {
      // joined to the id list so that each row is reached by its primary key: on a small table
      // the optimiser turns a long IN list into a scan, which waits on (and deadlocks with)
      // rows other replicas hold; JSON_TABLE works on MySQL 8 and MariaDB 10.6+
      await manager.query(
        "DELETE t FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) AS d STRAIGHT_JOIN sla_timer t ON t.id = d.id",
        [JSON.stringify(deletes)],
      );
    }
    if (timerRows.length > 0) await manager.query(TIMER_UPSERT, [timerRows]);

    const events: PendingEvent[] = [];
    for (let index = 0; index < writes.length; index += 1) {
      const { record, clock, transitions, change } = writes[index];
      for (const transition of transitions) events.push(transitionEvent(record, clock, transition, change, applied[index].outcome));
    }
    await this.outbox.addMany(manager, events);
  }

  /** Copies the clock onto its record's columns; answers the outcome its events publish and the stored JSON. */
  private applyToRecord({ record, clock, transitions, change }: ClockWrite): { outcome: ClockOutcome | null; stateJson: string } {
    const stopped = transitions.find((t) => t.kind === 'stopped');
    const outcome = stopped ? publishedOutcome(clock, change.stop) : record.outcome;
    // the record keeps the object the upsert stores as text (as a read of the row would give it)
    const state = storedClockState(clock);
    const stateJson = JSON.stringify(state);
    Object.assign(record, {
      priority: clock.priority,
      targetMs: clock.targetMs,
      clockState: clock.state,
      state: state as unknown as Record<string, unknown>,
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

/**
 * The timer rows of the written clocks, new or moved (parameter: rows of `timerChanges`): a row
 * with an id is a stored row of the same clock rewritten in place (its threshold moved, or the
 * clock's next threshold taking the row of the last), one without is inserted. A row rewritten in
 * place costs the server about a fifth less than the delete and insert it replaces, and leaves no
 * deleted record for the purge.
 */
export const TIMER_UPSERT =
  'INSERT INTO sla_timer (id, clock_id, ticket_id, kind, level, due_at, created_at) VALUES ? ' +
  'ON DUPLICATE KEY UPDATE kind = VALUES(kind), level = VALUES(level), due_at = VALUES(due_at), created_at = VALUES(created_at)';

/**
 * What brings the stored timer rows in line with `owedTimers` of each written clock (`existing`:
 * every stored row of these clocks; rows the caller knows unchanged may stand in without an id).
 * A row owed at another instant is moved in place; a row no longer owed takes the clock's next
 * new threshold if it has one, else is deleted; what is left is inserted. Every key a row is given
 * is one the clock owes and no other stored row of it holds, so the upsert never meets the
 * clock's unique key on another row. `earliestOwed`: the first threshold any of the clocks owes,
 * stored already or not (null: none owes one).
 */
export function timerChanges(
  writes: ClockWrite[],
  existing: StoredTimer[],
): { deletes: number[]; writes: unknown[][]; earliestOwed: Date | null } {
  const stored = new Map<string, StoredTimer>();
  for (const row of existing) stored.set(timerKey(row.clock_id, row.kind, row.level), row);
  const byClock = new Map<string, StoredTimer[]>();
  for (const row of existing) {
    const rows = byClock.get(row.clock_id);
    if (rows) rows.push(row);
    else byClock.set(row.clock_id, [row]);
  }
  const deletes: number[] = [];
  const rows: unknown[][] = [];
  let earliestOwed: Date | null = null;
  for (const { record, clock, change } of writes) {
    const owed = owedTimers(clock, change.policy);
    // at most one owed threshold (owedTimers): a list, not a set made per clock
    const owedKeys: string[] = [];
    for (const timer of owed) {
      owedKeys.push(timerKey(record.id, timer.kind, timerLevel(timer)));
      if (earliestOwed === null || timer.at < earliestOwed) earliestOwed = timer.at;
    }
    // the clock's stored rows no owed threshold keeps by its key: free to take a new threshold
    const free: StoredTimer[] = [];
    for (const row of byClock.get(record.id) ?? []) {
      if (!owedKeys.includes(timerKey(row.clock_id, row.kind, row.level)) && row.id !== '') free.push(row);
    }
    for (const timer of owed) {
      const level = timerLevel(timer);
      const row = stored.get(timerKey(record.id, timer.kind, level));
      if (row && new Date(row.due_at).getTime() === timer.at.getTime()) continue;
      const reused = row && row.id !== '' ? row : free.pop();
      rows.push([reused ? Number(reused.id) : null, record.id, record.ticketId, timer.kind, level, timer.at, change.now]);
    }
    for (const row of free) deletes.push(Number(row.id));
  }
  return { deletes, writes: rows, earliestOwed };
}
