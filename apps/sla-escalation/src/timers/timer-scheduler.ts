import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter, PollingLoop } from '@support/messaging';
import { ReadinessRegistry } from '@support/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ClockLedger, fireDueTimers } from '../clocks/clock-ledger';
import { clockFromJson } from '../clocks/clock-state';
import { SlaClockRecord } from '../clocks/sla-clock.entity';
import { SlaEnvironment } from '../environment';
import { PolicyCatalogService } from '../policies/policy-catalog.service';
import { SlaTimeSource } from '../time-source';

export interface TimerPass {
  /** due timer rows this pass claimed */
  claimed: number;
  /** clocks whose due thresholds it fired */
  clocks: number;
  /** warning, breach and escalation events it wrote */
  transitions: number;
}

interface TimerRow {
  id: string;
  clock_id: string;
}

/**
 * Fires due warnings, breaches and escalations from the durable `sla_timer` table. Several
 * replicas may run it at once:
 *
 * 1. due timer rows are claimed in a batch with `FOR UPDATE SKIP LOCKED`, so replicas take
 *    disjoint rows and never queue behind each other;
 * 2. their clocks are locked with `SKIP LOCKED` too: a clock held by an event handler or by
 *    another replica is left for the next pass;
 * 3. a clock is fired only if this pass could also lock all its timer rows, since the clock's
 *    timers are replaced afterwards and waiting for a row another replica claimed could deadlock;
 * 4. the domain's `fireTimer` runs inside the claiming transaction, and the new clock state, its
 *    new timers and the resulting events (outbox) commit together.
 *
 * A crash before commit leaves the rows due, so the next pass (on any replica) fires them; a
 * commit removes them, so nothing fires twice. Rows that came due while every replica was down
 * are simply due at the first pass, and their events say how late they are.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerScheduler');
  private readonly batchSize: number;
  private readonly loop: PollingLoop;
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
    this.loop = new PollingLoop(
      async () => {
        const pass = await this.firePass();
        return { moreWaiting: pass.claimed === this.batchSize && pass.clocks > 0 };
      },
      {
        intervalMs: env.SLA_TIMER_POLL_INTERVAL_MS,
        onError: (error, failures) => this.logger.warn(`timer pass failed (attempt ${failures}): ${error.message}`),
        onRecovered: () => this.logger.log('timer scheduler recovered'),
      },
    );
  }

  onApplicationBootstrap(): void {
    this.readiness.register({
      name: 'sla-timers',
      check: async () => ({
        up: this.loop.isRunning && this.loop.consecutiveFailures < 3,
        details: {
          scheduler: this.loop.isRunning ? 'running' : 'stopped',
          fired: this.fired,
          ...(this.loop.lastError ? { lastError: this.loop.lastError } : {}),
        },
      }),
    });
    // a handler's change may have made a threshold due at once (a re-time to a shorter target)
    this.outbox.onCommitted(() => this.nudge());
    this.loop.start();
  }

  /** Stops before the messaging module flushes the outbox, finishing the pass in flight. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** Warnings, breaches and escalations this replica has written since it started. */
  get transitionsFired(): number {
    return this.fired;
  }

  /** One pass: claims a batch of due timers and fires what it may. */
  async firePass(): Promise<TimerPass> {
    const now = this.time.now();
    const pass = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const claimed: TimerRow[] = await manager.query(
        'SELECT id, clock_id FROM sla_timer WHERE due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED',
        [now, this.batchSize],
      );
      if (claimed.length === 0) return { claimed: 0, clocks: 0, transitions: 0 };
      const clocks = await this.lockClocks(manager, [...new Set(claimed.map((row) => row.clock_id))]);
      let transitions = 0;
      for (const record of clocks) {
        transitions += await this.fire(manager, record, now);
      }
      return { claimed: claimed.length, clocks: clocks.length, transitions };
    });
    this.fired += pass.transitions;
    if (pass.transitions > 0) this.outbox.notifyCommitted();
    return pass;
  }

  private async lockClocks(manager: EntityManager, clockIds: string[]): Promise<SlaClockRecord[]> {
    const held: Array<{ id: string }> = await manager.query('SELECT id FROM sla_clock WHERE id IN (?) FOR UPDATE SKIP LOCKED', [clockIds]);
    if (held.length === 0) return [];
    const heldIds = held.map((row) => row.id);
    const lockable: TimerRow[] = await manager.query('SELECT id, clock_id FROM sla_timer WHERE clock_id IN (?) FOR UPDATE SKIP LOCKED', [heldIds]);
    const all: TimerRow[] = await manager.query('SELECT id, clock_id FROM sla_timer WHERE clock_id IN (?)', [heldIds]);
    const locked = new Set(lockable.map((row) => String(row.id)));
    const contended = new Set(all.filter((row) => !locked.has(String(row.id))).map((row) => row.clock_id));
    const free = heldIds.filter((id) => !contended.has(id));
    return free.length === 0 ? [] : manager.findBy(SlaClockRecord, { id: In(free) });
  }

  private async fire(manager: EntityManager, record: SlaClockRecord, now: Date): Promise<number> {
    const policy = await this.policies.atVersion(record.policyId, record.policyVersion, manager);
    const step = fireDueTimers(clockFromJson(record.state), policy, now);
    // timer events belong to the flow that started the clock
    await this.ledger.write(manager, record, step.clock, step.transitions, { policy, origin: { correlationId: record.correlationId }, now });
    return step.transitions.length;
  }
}
