import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SingleLine } from '@support/platform';
import { TICKET_DEVICES, TICKET_PRIORITIES, type TicketDevice, type TicketPriority } from '@support/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MAX_CC_EMAILS, MAX_SUBJECT_CHARACTERS, MAX_TEXT_BYTES, MEETING_ID_DIGITS } from '@support/domain-ticketing';
import { CodePointLength, IsPastInstant, MaxUtf8Bytes, meetingIdDigits, NotBlank, trimmed, withoutDuplicateEmails } from './form-rules';

/**
 * The ticket form of domain.md. Requester and account come from the token, never the body. The
 * transforms run before validation, so the limits apply to what is stored: the trimmed subject,
 * the distinct CC addresses, the meeting ID without its separators.
 */
export class CreateTicketDto {
  @ApiProperty({ minLength: 1, maxLength: 255, description: 'a short statement of the most important point; trimmed' })
  @Transform(trimmed)
  @IsString()
  @CodePointLength(1, MAX_SUBJECT_CHARACTERS)
  @SingleLine()
  subject: string;

  @ApiProperty({ description: 'as much detail as possible: meeting ID, time and date, ...; at most 64 KiB of UTF-8' })
  @IsString()
  @NotBlank()
  @MaxUtf8Bytes(MAX_TEXT_BYTES)
  description: string;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority: TicketPriority;

  @ApiProperty({ enum: TICKET_DEVICES })
  @IsIn(TICKET_DEVICES, { message: `device must be one of ${TICKET_DEVICES.join(', ')}` })
  device: TicketDevice;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_CC_EMAILS,
    description: 'copied on the conversation; duplicates (any case) are dropped',
  })
  @IsOptional()
  @Transform(withoutDuplicateEmails)
  @IsArray()
  @ArrayMaxSize(MAX_CC_EMAILS, { message: `ccEmails must list at most ${MAX_CC_EMAILS} distinct addresses` })
  @IsEmail({}, { each: true, message: 'ccEmails must hold valid e-mail addresses' })
  ccEmails?: string[];

  @ApiPropertyOptional({ example: '123 456 7890', description: '9 to 11 digits; spaces and dashes are accepted and removed' })
  @IsOptional()
  @Transform(meetingIdDigits)
  @IsString()
  @Matches(MEETING_ID_DIGITS, { message: 'meetingId must be 9 to 11 digits (spaces and dashes allowed)' })
  meetingId?: string;

  @ApiPropertyOptional({ example: '2026-11-21T09:30:00Z', description: 'when the problem happened (ISO-8601), not in the future' })
  @IsOptional()
  @IsPastInstant()
  occurredAt?: string;
}
