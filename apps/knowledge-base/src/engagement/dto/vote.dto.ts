import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

export class VoteDto {
  @ApiProperty({ description: 'true: this article was helpful' }) @IsBoolean() helpful: boolean;
  @ApiPropertyOptional({ description: 'the locale the reader read the article in' }) @IsOptional() @IsString() locale?: string;
}
