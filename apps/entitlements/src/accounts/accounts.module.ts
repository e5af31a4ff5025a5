import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { PlansModule } from '../plans/plans.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { PlanExpiryWatcher } from './plan-expiry.watcher';

/** Accounts, their users' roles and plan terms; a plan change or expiry re-decides open tickets. */
@Module({
  imports: [PlansModule, DecisionsModule],
  controllers: [AccountsController],
  providers: [AccountsService, PlanExpiryWatcher],
})
export class AccountsModule {}
