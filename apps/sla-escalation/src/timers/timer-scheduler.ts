import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter, PollingLoop } from '@support/messaging';
import { isTransientDatabaseError } from '@support/persistence';
import { ReadinessRegistry } from '@support/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { dueTimers, type SlaTimer } from '@support/domain-sla';
import { ClockLedger, fireDueTimers, type ClockWrite, type StoredTimer } from '../clocks/clock-ledger';
import { clockFromJson } from '../clocks/clock-state';
import { SlaClockRecord } from '../clocks/sla-clock.entity';
import { SlaEnvironment } from '../environment';
import { PolicyCatalogService } from '../policies/policy-catalog.service';
import { SlaTimeSource } from '../time-source';

export interface TimerPass {
  /** due timer rows this pass claimed */
  claimed: number;
  /** the most it could claim: a pass that claimed this many leaves more due at once */
  limit: number;
  /** clocks whose due thresholds it fired */
  clocks: number;
  /** warning, breach and escalation events it wrote */
  transitions: number;
  /** the threshold instant of each event it wrote, in order (how late each went out) */
  thresholds: Date[];
  /** when the pass's transaction had committed, from the time source */
  committedAt: Date;
  /** the earliest timer still pending after the pass, if any (due ones it had to skip included) */
  nextDueAt: Date | null;
}

/** tries of one pass that hit a deadlock or lock-wait timeout */
const PASS_ATTEMPTS = 3;
/**
 * The first batch after a quiet spell: small, so that the first of a backlog goes out within
 * milliseconds; each full batch after it claims four times more, up to SLA_TIMER_BATCH_SIZE.
 */
const FIRST_BATCH = 100;
/**
 * The least time from a pass that left nothing due to the next, whatever wakes it (a timer coming
 * due, a handler's commit): thresholds coming due one by one go out a few at a time, at most this
 * much later, instead of costing a transaction each.
 */
const PASS_GAP_MS = 20;

/**
 * The claim: due rows in due order, a batch at most, skipping rows another pass holds. FORCE
 * INDEX: when most rows are due the optimiser prefers a full scan and a sort, which locks every
 * due row (not just the batch) and leaves other replicas nothing to claim. Parameters: now, limit.
 */
export const CLAIM_DUE_TIMERS =
  'SELECT id, clock_id, kind, level, due_at FROM sla_timer FORCE INDEX (idx_timer_due) WHERE due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED';

/** A due timer row a pass claimed (and locked). */
type ClaimedTimer = StoredTimer;

/** `clock/kind/level`: a timer row's identity (the table's unique key). */
const timerKey = (clockId: string, kind: string, level: number) => `${clockId}/${kind}/${level}`;
const levelOf = (timer: SlaTimer) => (timer.kind === 'escalation' ? timer.level : 0);

/**
 * Fires due warnings, breaches and escalations from the durable `sla_timer` table, a batch of
 * clocks per transaction. Several replicas may run it at once:
 *
 * 1. due timer rows are claimed in a batch with `FOR UPDATE SKIP LOCKED`, so replicas take
 *    disjoint rows and never queue behind each other;
 * 2. their clocks are locked (and read, in one statement) with `SKIP LOCKED` too: a clock held by
 *    an event handler or by another replica is left for the next pass;
 * 3. a clock is fired only if this pass holds every timer row the firing removes or moves: usually
 *    the rows it claimed already (no further read), otherwise it locks all the clock's rows
 *    with `SKIP LOCKED`, since waiting for a row another replica claimed could deadlock;
 * 4. the domain's `fireTimer` runs in memory for every clock (policies come from the catalogue's
 *    cache: versions never change), then the ledger writes the whole batch set-based inside the
 *    claiming transaction: the new clock states, their timers and the resulting events (outbox,
 *    each clock's events in order) commit together.
 *
 * A crash before commit leaves the rows due, so the next pass (on any replica) fires them; a
 * commit removes them, so nothing fires twice. Rows that came due while every replica was down
 * are simply due at the first pass, and their events say how late they are.
 *
 * A pass that claimed a full batch is followed at once by the next, and wakes the helper loops
 * (`SLA_TIMER_CONCURRENCY` passes in flight in all) so that the database writes one batch while
 * the process prepares the next. Otherwise the scheduler sleeps until the next timer is due, at
 * most a poll interval (a handler may add an earlier one meanwhile; its commit nudges the
 * scheduler too), and at least `PASS_GAP_MS`, so that thresholds coming due one after another
 * share passes. A deadlock costs a pass, retried at once, not a back-off.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerScheduler');
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  /** sleeps until the next due timer; nudged by handlers' commits */
  private readonly primary: PollingLoop;
  /** further passes in flight while a backlog drains */
  private readonly helpers: PollingLoop[];
  private readonly passListeners: Array<(pass: TimerPass) => void> = [];
  private wakeAtDue: NodeJS.Timeout | null = null;
  /** when `wakeAtDue` fires (Date.now() milliseconds) */
  private wakeDeadline = 0;
  /** when the primary's last pass ended (Date.now() milliseconds) */
  private lastPassEndedAt = 0;
  /** the primary is in a pass (a nudge then would be lost: it is kept in `wokenDuringPass`) */
  private inPass = false;
  private wokenDuringPass = false;
  /** the scheduler's own commit is being announced (the relay's business, not a reason for a pass) */
  private announcingOwnCommit = false;
  private claimLimit: number;
  private fired = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyCatalogService,
    private readonly ledger: ClockLedger,
    private readonly time: SlaTimeSource,
    private readonly outbox: OutboxWriter,
    private readonly readiness: ReadinessRegistry,
    env: SlaEnvironment,
  ) {
    this.batchSize = env.SLA_TIMER_BATCH_SIZE;
    this.claimLimit = Math.min(FIRST_BATCH, this.batchSize);
    this.pollIntervalMs = env.SLA_TIMER_POLL_INTERVAL_MS;
    const onError = (error: Error, failures: number) => this.logger.warn(`timer pass failed (attempt ${failures}): ${error.message}`);
    this.primary = new PollingLoop(
      async () => {
        // this pass is the wake-up whatever was scheduled; a wake-up during it is kept for after
        this.clearWake();
        this.inPass = true;
        this.wokenDuringPass = false;
        const pass = await this.firePassRetrying().finally(() => {
          this.inPass = false;
          this.lastPassEndedAt = Date.now();
        });
        if (this.isFull(pass)) {
          for (const helper of this.helpers) helper.nudge();
          return { moreWaiting: true };
        }
        // timers that came due while the pass ran go after the gap; due rows a pass that fired
        // nothing left behind are held by a handler (whose commit nudges) or a replica: they wait
        if (this.wokenDuringPass || (pass.clocks > 0 && pass.nextDueAt !== null && pass.nextDueAt <= this.time.now()))
          this.wakeIn(PASS_GAP_MS);
        else this.wakeAt(pass.nextDueAt);
        return { moreWaiting: false };
      },
      { intervalMs: this.pollIntervalMs, onError, onRecovered: () => this.logger.log('timer scheduler recovered') },
    );
    // helpers only join while a backlog drains: the primary wakes them after a full batch
    this.helpers = Array.from(
      { length: env.SLA_TIMER_CONCURRENCY - 1 },
      () =>
        new PollingLoop(async () => ({ moreWaiting: this.isFull(await this.firePassRetrying()) }), {
          intervalMs: 10 * this.pollIntervalMs,
          onError,
        }),
    );
  }

  onApplicationBootstrap(): void {
    this.readiness.register({
      name: 'sla-timers',
      check: async () => ({
        up: this.primary.isRunning && this.primary.consecutiveFailures < 3,
        details: {
          scheduler: this.primary.isRunning ? 'running' : 'stopped',
          fired: this.fired,
          ...(this.primary.lastError ? { lastError: this.primary.lastError } : {}),
        },
      }),
    });
    // a handler's change may have made a threshold due at once (a re-time to a shorter target)
    this.outbox.onCommitted(() => {
      if (!this.announcingOwnCommit) this.nudge();
    });
    this.primary.start();
    for (const helper of this.helpers) helper.start();
  }

  /** Stops before the messaging module flushes the outbox, finishing the pass in flight. */
  async onModuleDestroy(): Promise<void> {
    this.clearWake();
    await Promise.all([this.primary, ...this.helpers].map((loop) => loop.stop()));
    this.clearWake();
  }

  /** Runs a pass soon: at once, or when the gap after the last pass has passed. */
  nudge(): void {
    const gapLeft = this.lastPassEndedAt + PASS_GAP_MS - Date.now();
    if (gapLeft > 0) this.wakeIn(gapLeft);
    else this.wakePrimary();
  }

  /** Warnings, breaches and escalations this replica has written since it started. */
  get transitionsFired(): number {
    return this.fired;
  }

  /** Calls `listener` after every committed pass (metrics, the bench). */
  onPass(listener: (pass: TimerPass) => void): void {
    this.passListeners.push(listener);
  }

  /** One pass: claims a batch of due timers and fires what it may. */
  async firePass(): Promise<TimerPass> {
    const now = this.time.now();
    const limit = this.claimLimit;
    const { claimed, clocks, thresholds } = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: ClaimedTimer[] = await manager.query(CLAIM_DUE_TIMERS, [now, limit]);
      if (rows.length === 0) return { claimed: 0, clocks: 0, thresholds: [] as Date[] };
      const held = await this.lockClocks(manager, [...new Set(rows.map((row) => row.clock_id))]);
      const { writes, timers } = await this.fireHeld(manager, held, rows, now);
      await this.ledger.writeMany(manager, writes, timers);
      return { claimed: rows.length, clocks: writes.length, thresholds: writes.flatMap((w) => w.transitions.map((t) => t.at)) };
    });
    const committedAt = this.time.now();
    this.fired += thresholds.length;
    if (thresholds.length > 0) {
      this.announcingOwnCommit = true;
      try {
        this.outbox.notifyCommitted();
      } finally {
        this.announcingOwnCommit = false;
      }
    }
    // a backlog ramps up to full batches; a pass that found less starts small again
    this.claimLimit = claimed === limit ? Math.min(this.batchSize, limit * 4) : Math.min(FIRST_BATCH, this.batchSize);
    const pass: TimerPass = {
      claimed,
      limit,
      clocks,
      transitions: thresholds.length,
      thresholds,
      committedAt,
      nextDueAt: claimed === limit ? null : await this.nextDueAt(),
    };
    for (const listener of this.passListeners) listener(pass);
    return pass;
  }

  /** A full batch that fired something: more is probably due at once. */
  private isFull(pass: TimerPass): boolean {
    return pass.claimed === pass.limit && pass.clocks > 0;
  }

  /**
   * A deadlock with a handler or a replica costs the batch, not a back-off: the pass is tried
   * again at once (after a few jittered milliseconds) before the loop counts a failure.
   */
  private async firePassRetrying(): Promise<TimerPass> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.firePass();
      } catch (error) {
        if (attempt >= PASS_ATTEMPTS || !isTransientDatabaseError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
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
   * Mostly without reading a timer row: a clock's stored rows are `dueTimers` of its stored state
   * (only the ledger writes them, from that list, whenever it writes the clock), so when every row
   * firing removes or moves is one this pass claimed (the usual case: a warning, or a breach with
   * the escalation due at the same instant), the rows it keeps need neither a read nor a lock, and
   * the claimed rows carry their ids. Any other clock takes the careful path: every one of its
   * timer rows is read (a plain read: nobody else adds or removes them while the clock is held),
   * then locked by primary key with `SKIP LOCKED`; a clock with a row someone else claimed is left
   * for a later pass, since waiting for it could deadlock (a `SKIP LOCKED` read through the clock
   * index also skipped rows merely near another pass's, leaving whole batches contended). A
   * claimed row the state does not list, or lists at another instant, also sends its clock the
   * careful way, which brings the stored rows back in line.
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
      const before = clockFromJson(record.state);
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
        dueTimers(before, policy),
        dueTimers(step.clock, policy),
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
    const kept = new Map(after.map((timer) => [timerKey(clockId, timer.kind, levelOf(timer)), timer.at.getTime()]));
    const listed = new Set<string>();
    const rows: StoredTimer[] = [];
    for (const timer of before) {
      const level = levelOf(timer);
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
    const all: StoredTimer[] = await manager.query('SELECT id, clock_id, kind, level, due_at FROM sla_timer WHERE clock_id IN (?)', [
      clockIds,
    ]);
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

  private async nextDueAt(): Promise<Date | null> {
    const [row]: Array<{ due_at: Date | null }> = await this.dataSource.query('SELECT MIN(due_at) AS due_at FROM sla_timer');
    return row?.due_at ? new Date(row.due_at) : null;
  }

  /**
   * Wakes the loop when the next timer comes due if that is sooner than the poll interval, so
   * a threshold goes out within milliseconds of its instant rather than up to an interval late.
   */
  private wakeAt(dueAt: Date | null): void {
    if (dueAt === null) return;
    const inMs = dueAt.getTime() - this.time.now().getTime();
    // already due means skipped (held by a handler or a replica): that waits for the interval
    if (inMs <= 0 || inMs >= this.pollIntervalMs) return;
    this.wakeIn(Math.max(inMs + 1, PASS_GAP_MS));
  }

  /** Nudges the primary loop in `ms`, unless a wake-up is already due sooner. */
  private wakeIn(ms: number): void {
    const deadline = Date.now() + ms;
    if (this.wakeAtDue && this.wakeDeadline <= deadline) return;
    this.clearWake();
    this.wakeDeadline = deadline;
    this.wakeAtDue = setTimeout(() => {
      this.wakeAtDue = null;
      this.wakePrimary();
    }, ms);
  }

  private wakePrimary(): void {
    if (this.inPass) this.wokenDuringPass = true;
    else this.primary.nudge();
  }

  private clearWake(): void {
    if (this.wakeAtDue) clearTimeout(this.wakeAtDue);
    this.wakeAtDue = null;
  }
}
