import { Module } from '@nestjs/common';
import { CommonEnvironment } from '@support/platform';
import type { TicketingEnvironment } from '../environment';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { TicketDetails } from './ticket-details.service';
import { FilingOptions, TicketFilings } from './ticket-filings';
import { TicketStatusRecorder } from './ticket-status.recorder';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketStatusRecorder,
    TicketDetails,
    IdempotencyKeys,
    TicketFilings,
    {
      provide: FilingOptions,
      // the platform module provides the service's validated environment as CommonEnvironment
      useFactory: (env: CommonEnvironment): FilingOptions => {
        const { TICKET_FILING_BATCH_MAX, TICKET_FILING_CONCURRENCY, TICKET_REDRIVE_SUGGESTIONS } = env as TicketingEnvironment;
        return {
          maxBatch: TICKET_FILING_BATCH_MAX,
          concurrency: TICKET_FILING_CONCURRENCY,
          expectsSuggestions: TICKET_REDRIVE_SUGGESTIONS,
        };
      },
      inject: [CommonEnvironment],
    },
  ],
  exports: [TicketsService, TicketStatusRecorder],
})
export class TicketsModule {}
