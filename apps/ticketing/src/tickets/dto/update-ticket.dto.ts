import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@support/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { MAX_REASON_CHARACTERS } from '@support/domain-ticketing';
import { CodePointLength, trimmed } from './form-rules';

/**
 * A change to a ticket. Agents and admins may change every field; a requester only the status,
 * and the lifecycle lets them only move it back to open.
 */
export class UpdateTicketDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES, { message: `status must be one of ${TICKET_STATUSES.join(', ')}` })
  status?: TicketStatus;

  @ApiPropertyOptional({ maxLength: 1000, description: 'why the status changes (shown in the status history)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @CodePointLength(1, MAX_REASON_CHARACTERS)
  reason?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'user id of the agent who works the ticket; null releases it' })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 128)
  assigneeId?: string | null;
}
