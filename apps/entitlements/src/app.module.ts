import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { PlanExpiryWatcher } from './accounts/plan-expiry.watcher';
import { EntitlementsConsistencyCounters } from './decisions/consistency-counters';
import { ConsistencyController } from './decisions/consistency.controller';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { TicketEventsConsumer } from './decisions/ticket-events.consumer';
import { TicketSnapshotsService } from './decisions/ticket-snapshots.service';
import { EntitlementsEnvironment } from './environment';
import { HotlineDirectoryService } from './hotlines/hotline-directory.service';
import { HotlinesController } from './hotlines/hotlines.controller';
import { PlanCatalogService } from './plans/plan-catalog.service';
import { PlansController } from './plans/plans.controller';
import { ENTITLEMENTS_SERVICE } from './service';
import { SupportOptionsController } from './support-options/support-options.controller';
import { SupportOptionsService } from './support-options/support-options.service';

@Module({})
export class EntitlementsModule {
  static forRoot(env: EntitlementsEnvironment): DynamicModule {
    return {
      module: EntitlementsModule,
      imports: serviceInfrastructure(ENTITLEMENTS_SERVICE, env),
      controllers: [
        SupportOptionsController, AccountsController, PlansController, HotlinesController, DecisionsController, TicketEventsConsumer,
        ConsistencyController,
      ],
      providers: [
        { provide: EntitlementsEnvironment, useValue: env },
        PlanCatalogService, HotlineDirectoryService, DecisionsService, TicketSnapshotsService, AccountsService,
        SupportOptionsService, PlanExpiryWatcher, EntitlementsConsistencyCounters,
      ],
    };
  }
}
