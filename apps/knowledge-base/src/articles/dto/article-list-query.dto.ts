import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_KINDS, AUDIENCES, type ArticleKind, type Audience } from '@support/domain-knowledge';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ArticleListQueryDto {
  @ApiPropertyOptional({ description: 'keywords; words of 2+ letters or digits, at most 200 characters; operators are ignored' })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({ description: 'en, ru, fr, ...; default: Accept-Language, else en' })
  @IsOptional()
  @IsString()
  locale?: string;

  @ApiPropertyOptional({ description: 'category slug or id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ enum: ARTICLE_KINDS })
  @IsOptional()
  @IsIn(ARTICLE_KINDS, { message: `kind must be one of ${ARTICLE_KINDS.join(', ')}` })
  kind?: ArticleKind;

  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES, { message: `audience must be one of ${AUDIENCES.join(', ')}` })
  audience?: Audience;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class AutocompleteQueryDto {
  // required: ArticleReaderService.autocomplete refuses a q without a letter or digit, or over 100 characters once trimmed
  @ApiProperty({
    minLength: 1,
    description:
      'what the reader has typed so far: at least one letter or digit, at most 100 characters once trimmed; the last word may be partial',
  })
  @IsString()
  @MinLength(1)
  q!: string;

  @ApiPropertyOptional({ description: 'en, ru, fr, ...; default: Accept-Language, else en' })
  @IsOptional()
  @IsString()
  locale?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 8 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  limit?: number;
}
