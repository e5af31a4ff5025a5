import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export class TicketCommentedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsString() @IsNotEmpty() commentId: string;
  @IsString() @IsNotEmpty() authorId: string;
  @IsIn(['customer', 'agent', 'admin']) authorRole: 'customer' | 'agent' | 'admin';
  /** internal notes are false: subscribers must not show them to requesters */
  @IsBoolean() public: boolean;
  @IsString() body: string;
  @IsISO8601({ strict: true }) createdAt: string;
}

export const TicketCommented = defineEvent({
  type: 'support.ticket.commented.v1',
  topic: TOPICS.tickets,
  payload: TicketCommentedV1,
  key: (data) => data.ticketId,
});
