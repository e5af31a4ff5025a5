import { Module } from '@nestjs/common';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { TicketDetails } from './ticket-details.service';
import { TicketStatusRecorder } from './ticket-status.recorder';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  controllers: [TicketsController],
  providers: [TicketsService, TicketStatusRecorder, TicketDetails, IdempotencyKeys],
  exports: [TicketsService, TicketStatusRecorder],
})
export class TicketsModule {}
