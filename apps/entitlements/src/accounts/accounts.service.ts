import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountPlanChanged } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { ApiError, type Principal } from '@support/platform';
import type { DataSource } from 'typeorm';
import { Account, AccountUser } from './account.entity';
import { PlanCatalogService } from '../plans/plan-catalog.service';
import type { PutAccountUserDto } from './dto/put-account-user.dto';
import type { PutAccountDto } from './dto/put-account.dto';
import { PlanChangePort } from './plan-change.port';

export interface AccountChange {
  account: Account;
  created: boolean;
  /** open tickets whose decision moved because of this change */
  redecidedTickets: number;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly plans: PlanCatalogService,
    private readonly planChanges: PlanChangePort,
  ) {}

  /**
   * Creates or replaces an account. A change of plan, status or plan end is announced, and the
   * account's open tickets are re-decided in the same transaction: the new decisions exist if and
   * only if the change does.
   */
  async put(id: string, dto: PutAccountDto, actor: Principal, correlationId: string): Promise<AccountChange> {
    // The free plan never ends, so an end date on it could only be a mistake.
    if (dto.plan === 'free' && dto.planEndsAt !== undefined && dto.planEndsAt !== null) {
      throw ApiError.badRequest('plan_end_on_free_plan', 'planEndsAt: the free plan has no end date; send null or leave it out');
    }
    return this.unitOfWork.run(async (manager) => {
      const now = new Date();
      const existing = await manager.findOne(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Copied before the entity is updated in place: the change is judged against these.
      const before = existing ? { plan: existing.plan, status: existing.status, planEndsAt: existing.planEndsAt } : null;
      const planEndsAt =
        dto.plan === 'free'
          ? null
          : dto.planEndsAt === undefined
            ? (before?.planEndsAt ?? null)
            : dto.planEndsAt === null
              ? null
              : new Date(dto.planEndsAt);
      const account = Object.assign(existing ?? new Account(), {
        id,
        name: dto.name,
        plan: dto.plan,
        status: dto.status ?? before?.status ?? 'active',
        planEndsAt,
        planEndAppliedAt: existing?.planEndAppliedAt ?? null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      const changed =
        !before ||
        before.plan !== account.plan ||
        before.status !== account.status ||
        before.planEndsAt?.getTime() !== account.planEndsAt?.getTime();
      let redecided = 0;
      if (changed) {
        // A plan that has already ended is taken into account by the re-decision below, so the
        // expiry sweep has nothing left to do for this end date.
        if (account.planEndsAt && account.planEndsAt.getTime() <= now.getTime()) account.planEndAppliedAt = account.planEndsAt;
        await manager.save(account);
        const plan = (await this.plans.load(manager)).get(account.plan);
        const announced = await this.outbox.add(
          manager,
          AccountPlanChanged,
          {
            accountId: id,
            previousPlan: before?.plan ?? null,
            plan: account.plan,
            planVersion: plan?.version ?? 1,
            status: account.status,
            planEndsAt: account.planEndsAt?.toISOString() ?? null,
            changedBy: actor.userId,
            changedAt: now.toISOString(),
          },
          { correlationId },
        );
        redecided = (await this.planChanges.redecideOpenTickets(manager, account, now, { correlationId, causationId: announced.id }))
          .length;
      } else {
        await manager.save(account);
      }
      return { account, created: !existing, redecidedTickets: redecided };
    });
  }

  async get(id: string): Promise<{ account: Account; users: AccountUser[] }> {
    const account = await this.dataSource.manager.findOneBy(Account, { id });
    if (!account) throw ApiError.notFound('account', id);
    return { account, users: await this.dataSource.manager.find(AccountUser, { where: { accountId: id }, order: { userId: 'ASC' } }) };
  }

  async putUser(accountId: string, userId: string, dto: PutAccountUserDto): Promise<AccountUser> {
    return this.unitOfWork.run(async (manager) => {
      // A role only means something inside a known account; its plan decides what the role opens.
      if (!(await manager.existsBy(Account, { id: accountId }))) throw ApiError.notFound('account', accountId);
      const user = Object.assign(new AccountUser(), { accountId, userId, role: dto.role, updatedAt: new Date() });
      await manager.save(user);
      return user;
    });
  }
}
