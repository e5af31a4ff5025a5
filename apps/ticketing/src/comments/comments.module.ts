import { Module } from '@nestjs/common';
import { TicketConversation } from '../tickets/ticket-page-parts';
import { TicketsModule } from '../tickets/tickets.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [TicketsModule],
  controllers: [CommentsController],
  // the ticket page reads its conversation here
  providers: [CommentsService, { provide: TicketConversation, useExisting: CommentsService }],
})
export class CommentsModule {}
