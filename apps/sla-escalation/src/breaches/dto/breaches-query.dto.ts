import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';

export class BreachesQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; breaches of deadlines at or after it (default: the last 24 hours)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 instant such as 2026-11-21T10:00:00.000Z' })
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
