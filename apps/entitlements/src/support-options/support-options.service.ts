import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { supportOptions, type SupportOptions } from '@support/domain-entitlements';
import type { DataSource } from 'typeorm';
import { Account, AccountUser } from '../accounts/account.entity';
import { HotlineDirectoryService } from '../hotlines/hotline-directory.service';
import { PlanCatalogService } from '../plans/plan-catalog.service';

export interface SupportOptionsAnswer extends SupportOptions {
  accountId: string;
  userId: string;
  /** null when the account is not known: only self-service is open then */
  accountStatus: Account['status'] | null;
  planEndsAt: string | null;
  /** the version of the plan in force, as a ticket filed now would record it */
  planVersion: number | null;
}

/** What the "contact support" page shows one user of one account, right now. */
@Injectable()
export class SupportOptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanCatalogService,
    private readonly hotlines: HotlineDirectoryService,
  ) {}

  async forUser(accountId: string, userId: string, now: Date = new Date()): Promise<SupportOptionsAnswer> {
    const manager = this.dataSource.manager;
    const account = await manager.findOneBy(Account, { id: accountId });
    const membership = account ? await manager.findOneBy(AccountUser, { accountId, userId }) : null;
    const plans = await this.plans.load(manager);
    const options = supportOptions({
      account,
      role: membership?.role ?? null,
      plans,
      hotlines: await this.hotlines.hotlines(manager),
      now,
    });
    return {
      accountId,
      userId,
      accountStatus: account?.status ?? null,
      planEndsAt: account?.planEndsAt?.toISOString() ?? null,
      planVersion: options.effectivePlan ? (plans.get(options.effectivePlan)?.version ?? null) : null,
      ...options,
    };
  }
}
