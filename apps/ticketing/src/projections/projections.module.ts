import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { TicketEventsConsumer } from './ticket-events.consumer';
import { TicketProjections } from './ticket-projections.service';

/** Keeps the ticket rows current with the entitlements, SLA and knowledge-base events. */
@Module({
  imports: [TicketsModule],
  controllers: [TicketEventsConsumer],
  providers: [TicketProjections],
})
export class ProjectionsModule {}
