import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_DEVICES, TICKET_PRIORITIES, type TicketDevice, type TicketPriority } from '@support/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The ticket form of domain.md. Requester and account come from the token, never the body. */
export class CreateTicketDto {
  @ApiProperty({ maxLength: 255, description: 'a short statement of the most important point' })
  @Transform(trim)
  @IsString()
  @Length(1, 255)
  subject: string;

  @ApiProperty({ maxLength: 65536, description: 'as much detail as possible: meeting ID, time and date, ...' })
  @IsString()
  @Length(1, 65536)
  description: string;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  @IsIn(TICKET_PRIORITIES)
  priority: TicketPriority;

  @ApiProperty({ enum: TICKET_DEVICES })
  @IsIn(TICKET_DEVICES)
  device: TicketDevice;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  ccEmails?: string[];

  @ApiPropertyOptional({ description: '9 to 11 digits; spaces and dashes are accepted and removed' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^\d(?:[ -]?\d){8,10}$/, { message: 'meetingId must be 9 to 11 digits (spaces and dashes allowed)' })
  meetingId?: string;

  @ApiPropertyOptional({ description: 'when the problem happened (ISO-8601), not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
