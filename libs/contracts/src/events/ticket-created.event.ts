import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { TICKET_DEVICES, TICKET_PRIORITIES, type TicketDevice, type TicketPriority } from '../vocabulary';

export class TicketCreatedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  /**
   * The customer account the ticket was filed in: always set for a customer's ticket (a customer
   * is (account, user)); null only for a ticket filed by staff outside any account, or in events
   * published before customer tokens had to carry an account (the plan check denies those).
   */
  @IsOptional() @IsString() accountId: string | null;
  @IsString() @IsNotEmpty() requesterId: string;
  @IsString() @IsNotEmpty() @MaxLength(255) subject: string;
  @IsString() description: string;
  @IsIn(TICKET_PRIORITIES) priority: TicketPriority;
  @IsIn(TICKET_DEVICES) device: TicketDevice;
  @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true }) ccEmails: string[];
  @IsOptional() @IsString() meetingId: string | null;
  @IsOptional() @IsISO8601({ strict: true }) occurredAt: string | null;
  @IsISO8601({ strict: true }) createdAt: string;
}

export const TicketCreated = defineEvent({
  type: 'support.ticket.created.v1',
  topic: TOPICS.tickets,
  payload: TicketCreatedV1,
  key: (data) => data.ticketId,
});
