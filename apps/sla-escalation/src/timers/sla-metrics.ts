import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ServiceMetrics } from '@support/observability';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { SlaTimeSource } from '../time-source';
import { TimerScheduler, type TimerPass } from './timer-scheduler';

/** Seconds a threshold may go out after its instant: 10 ms to 10 minutes. */
const LATENESS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600];

/**
 * The SLA scheduler's metrics: warnings, breaches and escalations fired and how late each went
 * out (from the scheduler's committed passes, in memory), and clocks by state and timers due
 * (read from the database on scrape, at most every METRICS_DATABASE_REFRESH_MS).
 */
@Injectable()
export class SlaMetrics implements OnApplicationBootstrap {
  readonly clocks: Gauge<'state'>;
  readonly timersDue: Gauge;
  readonly fired: Counter;
  readonly lateness: Histogram;

  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly scheduler: TimerScheduler,
    private readonly time: SlaTimeSource,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const registers = [metrics.registry];
    this.clocks = new Gauge({
      name: 'sla_clocks',
      help: 'SLA clocks by state (running, paused, stopped)',
      labelNames: ['state'],
      registers,
    });
    this.timersDue = new Gauge({
      name: 'sla_timers_due',
      help: 'Clocks with a warning, breach or escalation due now and not fired yet (their timer rows)',
      registers,
    });
    this.fired = new Counter({
      name: 'sla_timer_transitions_fired_total',
      help: 'Warnings, breaches and escalations this replica fired',
      registers,
    });
    this.lateness = new Histogram({
      name: 'sla_timer_firing_lateness_seconds',
      help: "Time from a threshold's instant to the commit of the event it caused",
      buckets: LATENESS_BUCKETS,
      registers,
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.onPass((pass) => this.recordPass(pass));
    this.metrics.refreshOnScrape('sla clocks and timers', () => this.readTables());
  }

  recordPass(pass: TimerPass): void {
    if (pass.transitions === 0) return;
    this.fired.inc(pass.transitions);
    const committed = pass.committedAt.getTime();
    for (const threshold of pass.thresholds) this.lateness.observe(Math.max(0, (committed - threshold.getTime()) / 1000));
  }

  private async readTables(): Promise<void> {
    const states: Array<{ state: string; n: string | number }> = await this.dataSource.query(
      'SELECT clock_state AS state, COUNT(*) AS n FROM sla_clock GROUP BY clock_state',
    );
    this.clocks.reset();
    for (const state of ['running', 'paused', 'stopped']) this.clocks.set({ state }, 0);
    for (const row of states) this.clocks.set({ state: row.state }, Number(row.n));
    // idx_timer_due: a range of the due rows only
    const [due]: Array<{ n: string | number }> = await this.dataSource.query('SELECT COUNT(*) AS n FROM sla_timer WHERE due_at <= ?', [
      this.time.now(),
    ]);
    this.timersDue.set(Number(due?.n ?? 0));
  }
}
