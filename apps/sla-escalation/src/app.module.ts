import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { BreachesController } from './breaches/breaches.controller';
import { ClockEventsConsumer } from './clocks/clock-events.consumer';
import { ClockLedger } from './clocks/clock-ledger';
import { ClocksController } from './clocks/clocks.controller';
import { ClocksService } from './clocks/clocks.service';
import { ClockRepairSweep } from './consistency/clock-repair.sweep';
import { ConsistencyController } from './consistency/consistency.controller';
import { SlaConsistencyCounters } from './consistency/sla-consistency-counters';
import { SlaEnvironment } from './environment';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesService } from './policies/policies.service';
import { PolicyCatalogService } from './policies/policy-catalog.service';
import { ComplianceController } from './reports/compliance.controller';
import { ComplianceService } from './reports/compliance.service';
import { SLA_SERVICE } from './service';
import { SlaTimeSource, SystemTimeSource } from './time-source';
import { SlaMetrics } from './timers/sla-metrics';
import { TimerScheduler } from './timers/timer-scheduler';

export interface SlaModuleOptions {
  /** the service's notion of now; tests pass one they can move forward */
  timeSource?: SlaTimeSource;
}

@Module({})
export class SlaEscalationModule {
  static forRoot(env: SlaEnvironment, options: SlaModuleOptions = {}): DynamicModule {
    return {
      module: SlaEscalationModule,
      imports: serviceInfrastructure(SLA_SERVICE, env),
      controllers: [ClocksController, PoliciesController, BreachesController, ComplianceController, ClockEventsConsumer, ConsistencyController],
      providers: [
        { provide: SlaEnvironment, useValue: env },
        { provide: SlaTimeSource, useValue: options.timeSource ?? new SystemTimeSource() },
        PolicyCatalogService,
        PoliciesService,
        ClockLedger,
        ClocksService,
        ComplianceService,
        TimerScheduler,
        SlaMetrics,
        SlaConsistencyCounters,
        ClockRepairSweep,
      ],
    };
  }
}
