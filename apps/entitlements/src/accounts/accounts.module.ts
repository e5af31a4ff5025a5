import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { PlanExpiryWatcher } from './plan-expiry.watcher';

/**
 * Accounts, their users' roles and plan terms. A plan change or expiry re-decides the account's
 * open tickets through `PlanChangePort`, which the root module provides (decisions answer it).
 */
@Module({
  imports: [PlansModule],
  controllers: [AccountsController],
  providers: [AccountsService, PlanExpiryWatcher],
})
export class AccountsModule {}
