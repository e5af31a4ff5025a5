import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { EntitlementsConsistencyCounters } from './consistency-counters';
import { ConsistencyController } from './consistency.controller';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { TicketEventsConsumer } from './ticket-events.consumer';
import { TicketSnapshotsService } from './ticket-snapshots.service';

/** The plan check of every ticket: decided from ticket events, recorded, re-decided on plan changes. */
@Module({
  imports: [PlansModule],
  controllers: [DecisionsController, TicketEventsConsumer, ConsistencyController],
  providers: [DecisionsService, TicketSnapshotsService, EntitlementsConsistencyCounters],
  exports: [DecisionsService],
})
export class DecisionsModule {}
