import { IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export class TicketFirstRespondedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsString() @IsNotEmpty() commentId: string;
  @IsString() @IsNotEmpty() agentId: string;
  @IsISO8601({ strict: true }) respondedAt: string;
  @IsISO8601({ strict: true }) ticketCreatedAt: string;
}

export const TicketFirstResponded = defineEvent({
  type: 'support.ticket.first_responded.v1',
  topic: TOPICS.tickets,
  payload: TicketFirstRespondedV1,
  key: (data) => data.ticketId,
});
