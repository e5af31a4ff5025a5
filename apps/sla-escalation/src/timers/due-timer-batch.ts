import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { SlaTimer } from '@support/domain-sla';
import { ClockLedger, fireDueTimers, type ClockWrite } from '../clocks/clock-ledger';
import { clockFromRecord } from '../clocks/clock-state';
import { SlaClockRecord } from '../clocks/sla-clock.entity';
import { owedTimers, TIMERS_OF_CLOCKS, timerKey, timerLevel, type StoredTimer } from '../clocks/timer-rows';
import { PolicyCatalogService } from '../policies/policy-catalog.service';

/**
 * The claim: due rows in due order, a batch at most, skipping rows another pass holds. FORCE
 * INDEX: when most rows are due the optimiser prefers a full scan and a sort, which locks every
 * due row (not just the batch) and leaves other replicas nothing to claim. Parameters: now, limit.
 */
export const CLAIM_DUE_TIMERS =
  'SELECT id, clock_id, kind, level, due_at FROM sla_timer FORCE INDEX (idx_timer_due) WHERE due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED';

/** A due timer row a pass claimed (and locked). */
type ClaimedTimer = StoredTimer;

/** What one batch did, in the transaction that claimed it. */
export interface FiredBatch {
  /** due timer rows it claimed */
  claimed: number;
  /** clocks whose due thresholds it fired */
  clocks: number;
  /** the threshold instant of each event it wrote, in order */
  thresholds: Date[];
}

/**
 * One batch of due timers, fired inside the caller's transaction (a `TimerScheduler` pass).
 * Several replicas may fire batches at once:
 *
 * 1. due timer rows are claimed in a batch with `FOR UPDATE SKIP LOCKED`, so replicas take
 *    disjoint rows and never queue behind each other;
 * 2. their clocks are locked (and read, in one statement) with `SKIP LOCKED` too: a clock held by
 *    an event handler or by another replica is left for the next pass;
 * 3. a clock is fired only if this pass holds every timer row the firing removes or moves: usually
 *    the one row it claimed already, the clock's next threshold (no further read), otherwise it
 *    locks all the clock's rows with `SKIP LOCKED`, since waiting for a row another replica
 *    claimed could deadlock;
 * 4. the domain's `fireTimer` runs in memory for every clock (policies come from the catalogue's
 *    cache: versions never change), then the ledger writes the whole batch set-based inside the
 *    claiming transaction: the new clock states, their timers and the resulting events (outbox,
 *    each clock's events in order) commit together.
 */
@Injectable()
export class DueTimerBatch {
  constructor(
    private readonly policies: PolicyCatalogService,
    private readonly ledger: ClockLedger,
  ) {}

  /** Claims at most `limit` timers due by `now` and fires what it may, in `manager`'s transaction. */
  async fire(manager: EntityManager, now: Date, limit: number): Promise<FiredBatch> {
    const rows: ClaimedTimer[] = await manager.query(CLAIM_DUE_TIMERS, [now, limit]);
    if (rows.length === 0) return { claimed: 0, clocks: 0, thresholds: [] };
    const held = await this.lockClocks(manager, [...new Set(rows.map((row) => row.clock_id))]);
    const { writes, timers } = await this.fireHeld(manager, held, rows, now);
    await this.ledger.writeMany(manager, writes, timers);
    return { claimed: rows.length, clocks: writes.length, thresholds: writes.flatMap((w) => w.transitions.map((t) => t.at)) };
  }

  /** Locks (and reads, in one statement) the claimed rows' clocks that nobody else holds. */
  private lockClocks(manager: EntityManager, clockIds: string[]): Promise<SlaClockRecord[]> {
    return manager.find(SlaClockRecord, {
      where: { id: In(clockIds) },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  /**
   * Fires every threshold due by `now` of the held clocks, in memory, and answers the writes with
   * every timer row of those clocks, as `ClockLedger.writeMany` takes them.
   *
   * Mostly without reading a timer row: a clock's stored row is `owedTimers` of its stored state
   * (only the ledger writes it, from that list, whenever it writes the clock: one row, the next
   * threshold), so when that row is the one this pass claimed (the usual case), nothing else
   * needs a read or a lock and the claimed row carries its id. Any other clock (a stray or stale
   * row) takes the careful path: every one of its timer rows is read (a plain read: nobody else
   * adds or removes them while the clock is held), then locked by primary key with `SKIP LOCKED`;
   * a clock with a row someone else claimed is left for a later pass, since waiting for it could
   * deadlock (a `SKIP LOCKED` read through the clock index also skipped rows merely near another
   * pass's, leaving whole batches contended). A claimed row the state does not owe, or owes at
   * another instant, also sends its clock the careful way, which brings the stored rows back in
   * line.
   */
  private async fireHeld(
    manager: EntityManager,
    records: SlaClockRecord[],
    claimed: ClaimedTimer[],
    now: Date,
  ): Promise<{ writes: ClockWrite[]; timers: StoredTimer[] }> {
    const claimedByClock = new Map<string, Map<string, ClaimedTimer>>();
    for (const row of claimed) {
      const own = claimedByClock.get(row.clock_id) ?? new Map<string, ClaimedTimer>();
      own.set(timerKey(row.clock_id, row.kind, Number(row.level)), row);
      claimedByClock.set(row.clock_id, own);
    }
    const writes: ClockWrite[] = [];
    const timers: StoredTimer[] = [];
    const careful: ClockWrite[] = [];
    for (const record of records) {
      const policy = await this.policies.atVersion(record.policyId, record.policyVersion);
      const before = clockFromRecord(record);
      const step = fireDueTimers(before, policy, now);
      // timer events belong to the flow that started the clock
      const write: ClockWrite = {
        record,
        clock: step.clock,
        transitions: step.transitions,
        change: { policy, origin: { correlationId: record.correlationId }, now },
      };
      const stored = this.storedWithoutReading(
        record.id,
        owedTimers(before, policy),
        owedTimers(step.clock, policy),
        claimedByClock.get(record.id) ?? new Map(),
      );
      if (stored) {
        writes.push(write);
        timers.push(...stored);
      } else careful.push(write);
    }
    if (careful.length > 0) {
      const locked = await this.lockAllTimers(
        manager,
        careful.map((write) => write.record.id),
      );
      for (const write of careful) {
        const rows = locked.get(write.record.id);
        if (!rows) continue;
        writes.push(write);
        timers.push(...rows);
      }
    }
    return { writes, timers };
  }

  /**
   * A clock's timer rows as its stored state lists them, when every row the change removes or
   * moves is one this pass claimed (`claimed`: the clock's claimed rows by key) and every claimed
   * row of the clock is listed at its instant; otherwise null. Rows the change keeps as they are
   * stand in without an id (the ledger neither deletes nor rewrites them).
   */
  private storedWithoutReading(
    clockId: string,
    before: SlaTimer[],
    after: SlaTimer[],
    claimed: Map<string, ClaimedTimer>,
  ): StoredTimer[] | null {
    const kept = new Map(after.map((timer) => [timerKey(clockId, timer.kind, timerLevel(timer)), timer.at.getTime()]));
    const listed = new Set<string>();
    const rows: StoredTimer[] = [];
    for (const timer of before) {
      const level = timerLevel(timer);
      const key = timerKey(clockId, timer.kind, level);
      listed.add(key);
      const row = claimed.get(key);
      if (row) {
        if (new Date(row.due_at).getTime() !== timer.at.getTime()) return null;
        rows.push(row);
      } else if (kept.get(key) === timer.at.getTime()) {
        rows.push({ id: '', clock_id: clockId, kind: timer.kind, level, due_at: timer.at });
      } else return null;
    }
    for (const key of claimed.keys()) if (!listed.has(key)) return null;
    return rows;
  }

  /**
   * Every timer row of these held clocks, locked, by clock; a clock some of whose rows another
   * pass holds is left out.
   */
  private async lockAllTimers(manager: EntityManager, clockIds: string[]): Promise<Map<string, StoredTimer[]>> {
    const all: StoredTimer[] = await manager.query(TIMERS_OF_CLOCKS, [clockIds]);
    const lockedRows: Array<{ id: string }> =
      all.length === 0
        ? []
        : await manager.query('SELECT id FROM sla_timer WHERE id IN (?) FOR UPDATE SKIP LOCKED', [all.map((row) => Number(row.id))]);
    const locked = new Set(lockedRows.map((row) => String(row.id)));
    const byClock = new Map<string, StoredTimer[]>(clockIds.map((id) => [id, []]));
    for (const row of all) {
      if (!locked.has(String(row.id))) byClock.delete(row.clock_id);
      else byClock.get(row.clock_id)?.push(row);
    }
    return byClock;
  }
}
