import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter, PollingLoop } from '@support/messaging';
import { isTransientDatabaseError } from '@support/persistence';
import { ReadinessRegistry } from '@support/platform';
import type { DataSource } from 'typeorm';
import { TimerWakeups } from '../clocks/timer-wakeups';
import { SlaEnvironment } from '../environment';
import { SlaTimeSource } from '../time-source';
import { DueTimerBatch } from './due-timer-batch';

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
 * Fires due warnings, breaches and escalations from the durable `sla_timer` table, a batch of
 * clocks per transaction (`DueTimerBatch`: claim, lock, fire, write). Several replicas may run it
 * at once: they claim disjoint rows and skip clocks another holds.
 *
 * A crash before commit leaves the rows due, so the next pass (on any replica) fires them; a
 * commit removes them, so nothing fires twice. Rows that came due while every replica was down
 * are simply due at the first pass, and their events say how late they are.
 *
 * A pass that claimed a full batch is followed at once by the next, and wakes the helper loops
 * (`SLA_TIMER_CONCURRENCY` passes in flight in all) so that the database writes one batch while
 * the process prepares the next. Otherwise the scheduler sleeps until the next timer is due, at
 * most a poll interval (a handler may add an earlier one meanwhile: its commit nudges the
 * scheduler when it owes a threshold due within a poll interval, `TimerWakeups`), and at least
 * `PASS_GAP_MS`, so that thresholds coming due one after another share passes. A deadlock costs
 * a pass, retried at once, not a back-off.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerScheduler');
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  /** sleeps until the next due timer; nudged by handlers' commits that owe a threshold soon */
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
    private readonly batch: DueTimerBatch,
    private readonly time: SlaTimeSource,
    private readonly outbox: OutboxWriter,
    private readonly readiness: ReadinessRegistry,
    env: SlaEnvironment,
    private readonly wakeups: TimerWakeups,
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
        // nothing left behind are held by a handler (whose commit nudges when it wrote their
        // clock, which then still owes them; else the next poll finds them) or a replica: they wait
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
    // a handler's change may have made a threshold due at once (a re-time to a shorter target);
    // a commit whose clocks owe nothing before the next poll leaves the scheduler asleep
    this.outbox.onCommitted(() => {
      if (!this.announcingOwnCommit && this.wakeups.wakeOnCommit()) this.nudge();
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
    const { claimed, clocks, thresholds } = await this.dataSource.transaction('READ COMMITTED', (manager) =>
      this.batch.fire(manager, now, limit),
    );
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
