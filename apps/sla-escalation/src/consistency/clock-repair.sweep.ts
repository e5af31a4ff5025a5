import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter, PollingLoop } from '@support/messaging';
import type { DataSource } from 'typeorm';
import { ClocksService } from '../clocks/clocks.service';
import { SlaEnvironment } from '../environment';
import { SlaTimeSource } from '../time-source';
import { SlaConsistencyCounters } from '../clocks/sla-consistency-counters';

export interface UncheckedDecisions {
  /** entitled decisions older than SLA_CLOCK_REPAIR_AFTER_MS that the sweep has not checked yet */
  awaitingCheck: number;
  /** when the oldest of them was decided */
  oldestDecidedAt: string | null;
  /**
   * entitled decisions the sweep checked in the last day that still have no first-response clock:
   * none was owed (answered or closed before the deadline applied, or no target for the priority)
   */
  checkedWithoutClockLastDay: number;
}

/**
 * Anti-entropy for clocks. Every entitled decision this service applies is recorded on its ticket
 * (`sla_ticket`: entitled, decided_at, decision_id, clocks_owed_from) in the transaction that
 * starts its clocks, with `clock_checked_at` null. Once a decision is SLA_CLOCK_REPAIR_AFTER_MS
 * old, this sweep (on the shared PollingLoop) checks it once: a clock the decision owes that
 * does not exist is started, as applying the decision would have (from the ticket's creation, or
 * from the decision for a plan change), with a warn line; a clock in place, or none owed (answered
 * or closed before the deadline applied), is simply marked checked.
 *
 * Decisions that never reached this service are not in its database: those are repaired through
 * ticketing, which re-drives tickets that show no decision or no clock, and entitlements, which
 * answers with the recorded decision (applied here like any decision, or as a repeat that only
 * starts what is missing).
 *
 * Replicas claim decisions with FOR UPDATE SKIP LOCKED; a consumer holding the ticket is skipped
 * until the next sweep.
 */
@Injectable()
export class ClockRepairSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ClockRepairSweep');
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: ClocksService,
    private readonly outbox: OutboxWriter,
    private readonly time: SlaTimeSource,
    private readonly counters: SlaConsistencyCounters,
    private readonly env: SlaEnvironment,
  ) {
    this.loop = new PollingLoop(async () => ({ moreWaiting: (await this.sweepOnce()) === env.SLA_CLOCK_REPAIR_BATCH_SIZE }), {
      intervalMs: env.SLA_CLOCK_REPAIR_INTERVAL_MS,
      maxBackoffMs: Math.max(5000, env.SLA_CLOCK_REPAIR_INTERVAL_MS),
      onError: (error, failures) => this.logger.warn(`clock repair sweep failed (attempt ${failures}): ${error.message}`),
      onRecovered: () => this.logger.log('clock repair sweep recovered'),
    });
  }

  get settings() {
    return {
      repairAfterMs: this.env.SLA_CLOCK_REPAIR_AFTER_MS,
      sweepIntervalMs: this.env.SLA_CLOCK_REPAIR_INTERVAL_MS,
      batchSize: this.env.SLA_CLOCK_REPAIR_BATCH_SIZE,
    };
  }

  get sweeping(): { running: boolean; consecutiveFailures: number; lastError: string | null } {
    return { running: this.loop.isRunning, consecutiveFailures: this.loop.consecutiveFailures, lastError: this.loop.lastError };
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops before the messaging module flushes the outbox, finishing the sweep in flight. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Checks up to a batch of entitled decisions old enough; returns how many it checked. */
  async sweepOnce(): Promise<number> {
    const now = this.time.now();
    const cutoff = new Date(now.getTime() - this.env.SLA_CLOCK_REPAIR_AFTER_MS);
    const { checked, repaired } = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: Array<{ ticket_id: string }> = await manager.query(
        `SELECT ticket_id FROM sla_ticket
          WHERE entitled = 1 AND clock_checked_at IS NULL AND decided_at < ?
          ORDER BY decided_at LIMIT ?
          FOR UPDATE SKIP LOCKED`,
        [cutoff, this.env.SLA_CLOCK_REPAIR_BATCH_SIZE],
      );
      if (rows.length === 0) return { checked: 0, repaired: 0 };
      const ids = rows.map((row) => row.ticket_id);
      const repairs = await this.clocks.repairMissingClocks(manager, ids);
      await manager.query('UPDATE sla_ticket SET clock_checked_at = ? WHERE ticket_id IN (?)', [now, ids]);
      return { checked: ids.length, repaired: repairs.length };
    });
    this.counters.increment('sweeps');
    this.counters.increment('decisionsChecked', checked);
    if (repaired > 0) this.outbox.notifyCommitted();
    return checked;
  }

  /** What is waiting for the sweep now, for operators. */
  async unchecked(): Promise<UncheckedDecisions> {
    const now = this.time.now();
    const cutoff = new Date(now.getTime() - this.env.SLA_CLOCK_REPAIR_AFTER_MS);
    const [waiting]: Array<{ awaiting: string | number; oldest: Date | null }> = await this.dataSource.query(
      'SELECT COUNT(*) AS awaiting, MIN(decided_at) AS oldest FROM sla_ticket WHERE entitled = 1 AND clock_checked_at IS NULL AND decided_at < ?',
      [cutoff],
    );
    // a range of idx_sla_ticket_unchecked bounded to a day, so the answer stays cheap on a large table
    const [missing]: Array<{ missing: string | number }> = await this.dataSource.query(
      `SELECT COUNT(*) AS missing FROM sla_ticket t
        WHERE t.entitled = 1 AND t.clock_checked_at >= ?
          AND NOT EXISTS (SELECT 1 FROM sla_clock c WHERE c.ticket_id = t.ticket_id AND c.metric = 'first_response')`,
      [new Date(now.getTime() - 86_400_000)],
    );
    return {
      awaitingCheck: Number(waiting?.awaiting ?? 0),
      oldestDecidedAt: waiting?.oldest ? new Date(waiting.oldest).toISOString() : null,
      checkedWithoutClockLastDay: Number(missing?.missing ?? 0),
    };
  }
}
