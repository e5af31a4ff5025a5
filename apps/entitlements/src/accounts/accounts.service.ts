import { Injectable } from '@nestjs/common';
import { AccountPlanChanged } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import type { Principal } from '@support/platform';
import { Account, AccountUser } from '../entities';
import { PlanCatalogService } from '../plans/plan-catalog.service';
import type { PutAccountUserDto } from './dto/put-account-user.dto';
import type { PutAccountDto } from './dto/put-account.dto';

@Injectable()
export class AccountsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly plans: PlanCatalogService,
  ) {}

  /** Creates or replaces an account; a change of plan, status or end date is announced. */
  async put(id: string, dto: PutAccountDto, actor: Principal, correlationId: string): Promise<{ account: Account; created: boolean }> {
    return this.unitOfWork.run(async (manager) => {
      const now = new Date();
      const existing = await manager.findOne(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const account = Object.assign(existing ?? new Account(), {
        id,
        name: dto.name,
        plan: dto.plan,
        status: dto.status ?? existing?.status ?? 'active',
        planEndsAt: dto.planEndsAt === undefined ? (existing?.planEndsAt ?? null) : dto.planEndsAt === null ? null : new Date(dto.planEndsAt),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await manager.save(account);
      const changed =
        !existing ||
        existing.plan !== account.plan ||
        existing.status !== account.status ||
        existing.planEndsAt?.getTime() !== account.planEndsAt?.getTime();
      if (changed) {
        const plan = (await this.plans.load(manager)).get(account.plan);
        await this.outbox.add(
          manager,
          AccountPlanChanged,
          {
            accountId: id,
            previousPlan: existing?.plan ?? null,
            plan: account.plan,
            planVersion: plan?.version ?? 1,
            status: account.status,
            planEndsAt: account.planEndsAt?.toISOString() ?? null,
            changedBy: actor.userId,
            changedAt: now.toISOString(),
          },
          { correlationId },
        );
      }
      return { account, created: !existing };
    });
  }

  async putUser(accountId: string, userId: string, dto: PutAccountUserDto): Promise<AccountUser> {
    return this.unitOfWork.run(async (manager) => {
      const user = Object.assign(new AccountUser(), { accountId, userId, role: dto.role, updatedAt: new Date() });
      await manager.save(user);
      return user;
    });
  }
}
