import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIsoInstant } from '@support/platform';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class BreachesQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; breaches of deadlines at or after it (default: the last 24 hours)' })
  @IsOptional()
  @IsIsoInstant()
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
