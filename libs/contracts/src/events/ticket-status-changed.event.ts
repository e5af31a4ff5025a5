import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { TICKET_STATUSES, type TicketStatus } from '../vocabulary';

export class TicketStatusChangedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsIn(TICKET_STATUSES) previousStatus: TicketStatus;
  @IsIn(TICKET_STATUSES) status: TicketStatus;
  /** why, when the change was not a person's choice (a plan check that refused the ticket) */
  @IsOptional() @IsString() reason: string | null;
  @IsString() @IsNotEmpty() changedBy: string;
  @IsISO8601({ strict: true }) changedAt: string;
}

export const TicketStatusChanged = defineEvent({
  type: 'support.ticket.status_changed.v1',
  topic: TOPICS.tickets,
  payload: TicketStatusChangedV1,
  key: (data) => data.ticketId,
});
