import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-messaging';
import { ClocksController } from './clocks/clocks.controller';
import { ClocksService } from './clocks/clocks.service';
import { EntitlementEventsConsumer } from './clocks/sla-events.consumer';
import { SlaEnvironment } from './environment';
import { PolicyCatalogService } from './policies/policy-catalog.service';
import { SLA_SERVICE } from './service';

@Module({})
export class SlaEscalationModule {
  static forRoot(env: SlaEnvironment): DynamicModule {
    return {
      module: SlaEscalationModule,
      imports: serviceInfrastructure({ ...SLA_SERVICE, service: SLA_SERVICE.name, env }),
      controllers: [ClocksController, EntitlementEventsConsumer],
      providers: [{ provide: SlaEnvironment, useValue: env }, PolicyCatalogService, ClocksService],
    };
  }
}
