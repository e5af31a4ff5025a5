import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, PLAN_CODES, type AccountStatus, type PlanCode } from '@support/domain-entitlements';
import { Transform } from 'class-transformer';
import { IsIsoInstant, SingleLine } from '@support/platform';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class PutAccountDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  @SingleLine()
  name: string;

  @ApiProperty({ enum: PLAN_CODES })
  @IsIn(PLAN_CODES)
  plan: PlanCode;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  // no `format`: a date alone (2026-11-21) is accepted as well as a date-time
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'when the paid plan ends (ISO-8601 date-time with an offset, or a date); afterwards it counts as free; null: no end',
    example: '2026-11-21T10:00:00Z',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIsoInstant({ allowDate: true })
  planEndsAt?: string | null;
}
