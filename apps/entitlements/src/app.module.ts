import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-messaging';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { TicketEventsConsumer } from './decisions/ticket-events.consumer';
import { EntitlementsEnvironment } from './environment';
import { PlanCatalogService } from './plans/plan-catalog.service';
import { ENTITLEMENTS_SERVICE } from './service';

@Module({})
export class EntitlementsModule {
  static forRoot(env: EntitlementsEnvironment): DynamicModule {
    return {
      module: EntitlementsModule,
      imports: serviceInfrastructure({ ...ENTITLEMENTS_SERVICE, service: ENTITLEMENTS_SERVICE.name, env }),
      controllers: [AccountsController, DecisionsController, TicketEventsConsumer],
      providers: [{ provide: EntitlementsEnvironment, useValue: env }, PlanCatalogService, AccountsService, DecisionsService],
    };
  }
}
