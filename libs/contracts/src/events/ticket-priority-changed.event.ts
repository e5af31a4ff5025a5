import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { TICKET_PRIORITIES, type TicketPriority } from '../vocabulary';

export class TicketPriorityChangedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsIn(TICKET_PRIORITIES) previousPriority: TicketPriority;
  @IsIn(TICKET_PRIORITIES) priority: TicketPriority;
  @IsString() @IsNotEmpty() changedBy: string;
  @IsISO8601({ strict: true }) changedAt: string;
}

export const TicketPriorityChanged = defineEvent({
  type: 'support.ticket.priority_changed.v1',
  topic: TOPICS.tickets,
  payload: TicketPriorityChangedV1,
  key: (data) => data.ticketId,
});
