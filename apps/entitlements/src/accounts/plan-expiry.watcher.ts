import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PollingLoop } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Account } from './account.entity';
import { EntitlementsEnvironment } from '../environment';
import { PlanChangePort } from './plan-change.port';

const BATCH = 100;

/**
 * A paid plan that reaches its end date counts as free from then on. Nothing else happens at
 * that moment, so this sweep notices it and re-decides the account's open tickets, which stops
 * the deadlines the paid plan had granted. Each end date is handled once, whichever replica
 * gets there first.
 */
@Injectable()
export class PlanExpiryWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PlanExpiryWatcher.name);
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly planChanges: PlanChangePort,
    env: EntitlementsEnvironment,
  ) {
    // the shared loop: a full batch runs the next pass at once; failures back off and are logged
    this.loop = new PollingLoop(async () => ({ moreWaiting: (await this.sweep()) >= BATCH }), {
      intervalMs: env.PLAN_EXPIRY_SWEEP_INTERVAL_MS,
      maxBackoffMs: env.PLAN_EXPIRY_SWEEP_INTERVAL_MS,
      onError: (error, failures) => this.logger.warn(`plan expiry sweep failed (${failures} in a row), will retry: ${error.message}`),
      onRecovered: () => this.logger.log('plan expiry sweep recovered'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Lets a sweep in flight finish. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Re-decides the open tickets of every account whose plan ended by `now`; returns how many accounts. */
  async sweep(now: Date = new Date()): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT id FROM account WHERE plan <> 'free' AND plan_ends_at <= ?
         AND (plan_end_applied_at IS NULL OR plan_end_applied_at <> plan_ends_at) ORDER BY plan_ends_at LIMIT ?`,
      [now, BATCH],
    )) as Array<{ id: string }>;
    let handled = 0;
    for (const { id } of due) {
      const done = await this.unitOfWork.run(async (manager) => {
        const account = await manager.findOne(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });
        // Another replica, or an admin's change, may have dealt with it since the query above.
        if (!account || account.plan === 'free' || !account.planEndsAt || account.planEndsAt.getTime() > now.getTime()) return false;
        if (account.planEndAppliedAt?.getTime() === account.planEndsAt.getTime()) return false;
        await this.planChanges.redecideOpenTickets(manager, account, now, { correlationId: `plan-expiry-${randomUUID()}` });
        account.planEndAppliedAt = account.planEndsAt;
        await manager.save(account);
        return true;
      });
      if (done) handled += 1;
    }
    return handled;
  }
}
