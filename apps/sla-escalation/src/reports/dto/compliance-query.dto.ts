import { ApiProperty } from '@nestjs/swagger';
import { IsIsoInstant } from '@support/platform';

export class ComplianceQueryDto {
  @ApiProperty({ description: 'ISO-8601 instant: tickets whose first-response clock started at or after it' })
  @IsIsoInstant()
  from: string;

  @ApiProperty({ description: 'ISO-8601 instant: ... and before it' })
  @IsIsoInstant()
  to: string;
}
