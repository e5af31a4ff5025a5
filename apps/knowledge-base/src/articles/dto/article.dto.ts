import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_KINDS, AUDIENCES } from '@support/domain-knowledge';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article.entity';

/**
 * A new article, written in English (the source of every article). Field rules (title length,
 * body size, kinds, error codes, release dates) are checked by the service with the domain
 * validators, so seeding obeys exactly the same rules.
 */
export class CreateArticleDto {
  @ApiPropertyOptional({ description: 'default: made from the title' }) @IsOptional() @IsString() slug?: string;
  @ApiProperty({ description: 'category slug or id' }) @IsString() category: string;
  @ApiProperty({ description: 'section slug (within the category) or id' }) @IsString() section: string;
  @ApiProperty({ enum: ARTICLE_KINDS }) @IsString() kind: string;
  @ApiProperty({ enum: AUDIENCES }) @IsString() audience: string;
  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, description: 'an https URL; tutorials' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  videoUrl?: string | null;
  @ApiPropertyOptional({ type: [String], description: '3 to 6 digits each; searchable' })
  @IsOptional()
  @IsArray()
  errorCodes?: string[];
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'YYYY-MM-DD; release notes only' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  releasedOn?: string | null;
  @ApiPropertyOptional({ description: 'must be en when given', default: 'en' }) @IsOptional() @IsString() locale?: string;
  @ApiProperty({ maxLength: 200 }) @IsString() title: string;
  @ApiProperty({ description: 'Markdown, optionally with HTML; sanitised; at most 200 KiB' }) @IsString() body: string;
}

export class UpdateArticleDto {
  @ApiPropertyOptional() @IsOptional() @IsString() slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() section?: string;
  @ApiPropertyOptional({ enum: ARTICLE_KINDS }) @IsOptional() @IsString() kind?: string;
  @ApiPropertyOptional({ enum: AUDIENCES }) @IsOptional() @IsString() audience?: string;
  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, description: 'an https URL; tutorials' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  videoUrl?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() errorCodes?: string[];
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'YYYY-MM-DD; release notes only' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  releasedOn?: string | null;
}

export class TranslationDto {
  @ApiProperty({ maxLength: 200 }) @IsString() title: string;
  @ApiProperty({ description: 'Markdown, optionally with HTML; sanitised; at most 200 KiB' }) @IsString() body: string;
}

export class AdminArticleQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES) status?: ArticleStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
