import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoInstant } from '@support/platform';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_SUGGESTION_TEXT_LENGTH } from '../suggestion-rows';
import { SUGGESTION_CHANNELS, type SuggestionChannel } from '../suggestion.entity';

export class SuggestForTextDto {
  @ApiProperty({ maxLength: MAX_SUGGESTION_TEXT_LENGTH, description: 'what the requester has typed so far' })
  @IsString()
  @MaxLength(MAX_SUGGESTION_TEXT_LENGTH, { message: `text must be at most ${MAX_SUGGESTION_TEXT_LENGTH} characters` })
  text: string;

  @ApiPropertyOptional({ description: 'en, ru, fr, ...; default: Accept-Language, else en' })
  @IsOptional()
  @IsString()
  locale?: string;
}

export class MarkAnswerDto {
  @ApiProperty({ description: 'the suggested article (id or slug) that answered the question' })
  @IsString()
  @MaxLength(120)
  articleId: string;
}

export class SuggestionQueryDto {
  @ApiProperty() @IsString() @MaxLength(64) ticketId: string;
}

export class DeflectionStatsQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601 date or instant; default 30 days before until' })
  @IsOptional()
  @IsIsoInstant({ allowDate: true })
  since?: string;
  @ApiPropertyOptional({ description: 'ISO-8601 date or instant; default now' })
  @IsOptional()
  @IsIsoInstant({ allowDate: true })
  until?: string;
  @ApiPropertyOptional({ enum: SUGGESTION_CHANNELS }) @IsOptional() @IsIn(SUGGESTION_CHANNELS) channel?: SuggestionChannel;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class MissingTranslationsQueryDto {
  @ApiPropertyOptional({ description: 'only readers of this locale' }) @IsOptional() @IsString() locale?: string;
  @ApiPropertyOptional({ description: 'ISO-8601 date or instant; default 30 days ago' })
  @IsOptional()
  @IsIsoInstant({ allowDate: true })
  since?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
