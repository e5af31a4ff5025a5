import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { AccountsModule } from './accounts/accounts.module';
import { PlanChangePort } from './accounts/plan-change.port';
import { DecisionsModule } from './decisions/decisions.module';
import { DecisionsService } from './decisions/decisions.service';
import { EntitlementsEnvironment } from './environment';
import { HotlinesModule } from './hotlines/hotlines.module';
import { PlansModule } from './plans/plans.module';
import { ENTITLEMENTS_SERVICE } from './service';
import { SupportOptionsModule } from './support-options/support-options.module';

@Module({})
export class EntitlementsModule {
  static forRoot(env: EntitlementsEnvironment): DynamicModule {
    return {
      module: EntitlementsModule,
      // the validated environment and the plan-change port are visible to every feature module
      global: true,
      imports: [
        ...serviceInfrastructure(ENTITLEMENTS_SERVICE, env),
        SupportOptionsModule,
        AccountsModule,
        PlansModule,
        HotlinesModule,
        DecisionsModule,
      ],
      providers: [
        { provide: EntitlementsEnvironment, useValue: env },
        // accounts announce plan changes through their port; decisions answer by re-deciding open tickets
        { provide: PlanChangePort, useExisting: DecisionsService },
      ],
      exports: [EntitlementsEnvironment, PlanChangePort],
    };
  }
}
