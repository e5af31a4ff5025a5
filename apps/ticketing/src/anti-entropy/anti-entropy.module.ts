import { DynamicModule, Module } from '@nestjs/common';
import { TicketingEnvironment } from '../environment';
import { ConsistencyController } from './consistency.controller';
import { TicketingConsistencyCounters, TicketRedriver } from './ticket-redriver';

/** Re-drives tickets stuck without their plan check or clock, and shows operators what it did. */
@Module({})
export class AntiEntropyModule {
  static forRoot(env: TicketingEnvironment): DynamicModule {
    return {
      module: AntiEntropyModule,
      controllers: [ConsistencyController],
      providers: [{ provide: TicketingEnvironment, useValue: env }, TicketingConsistencyCounters, TicketRedriver],
      exports: [TicketingConsistencyCounters, TicketRedriver],
    };
  }
}
