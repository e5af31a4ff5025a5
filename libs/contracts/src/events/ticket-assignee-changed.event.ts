import { IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/** An agent took, handed over or released a ticket. Null on either side means unassigned. */
export class TicketAssigneeChangedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsOptional() @IsString() previousAssigneeId: string | null;
  @IsOptional() @IsString() assigneeId: string | null;
  @IsString() @IsNotEmpty() changedBy: string;
  @IsISO8601({ strict: true }) changedAt: string;
}

export const TicketAssigneeChanged = defineEvent({
  type: 'support.ticket.assignee_changed.v1',
  topic: TOPICS.tickets,
  payload: TicketAssigneeChangedV1,
  key: (data) => data.ticketId,
});
