import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class ComplianceQueryDto {
  @ApiProperty({ description: 'ISO-8601 instant: tickets whose first-response clock started at or after it' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant such as 2026-11-01T00:00:00.000Z' })
  from: string;

  @ApiProperty({ description: 'ISO-8601 instant: ... and before it' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 instant such as 2026-12-01T00:00:00.000Z' })
  to: string;
}
