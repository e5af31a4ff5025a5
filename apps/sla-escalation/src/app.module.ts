import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { BreachesModule } from './breaches/breaches.module';
import { ClocksModule } from './clocks/clocks.module';
import { ConsistencyModule } from './consistency/consistency.module';
import { SlaEnvironment } from './environment';
import { PoliciesModule } from './policies/policies.module';
import { ReportsModule } from './reports/reports.module';
import { SLA_SERVICE } from './service';
import { SlaTimeSource, SystemTimeSource } from './time-source';
import { TimersModule } from './timers/timers.module';

export interface SlaModuleOptions {
  /** the service's notion of now; tests pass one they can move forward */
  timeSource?: SlaTimeSource;
}

@Module({})
export class SlaEscalationModule {
  static forRoot(env: SlaEnvironment, options: SlaModuleOptions = {}): DynamicModule {
    return {
      module: SlaEscalationModule,
      // the validated environment and the service's clock are visible to every feature module
      global: true,
      imports: [
        ...serviceInfrastructure(SLA_SERVICE, env),
        ClocksModule,
        PoliciesModule,
        BreachesModule,
        ReportsModule,
        TimersModule,
        ConsistencyModule,
      ],
      providers: [
        { provide: SlaEnvironment, useValue: env },
        { provide: SlaTimeSource, useValue: options.timeSource ?? new SystemTimeSource() },
      ],
      exports: [SlaEnvironment, SlaTimeSource],
    };
  }
}
