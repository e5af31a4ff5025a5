import { Module } from '@nestjs/common';
import { TicketEventsConsumer } from './ticket-events.consumer';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  controllers: [TicketsController, TicketEventsConsumer],
  providers: [TicketsService],
})
export class TicketsModule {}
