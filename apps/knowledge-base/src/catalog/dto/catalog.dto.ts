import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Text rules (length, plain text, slug form) are the service's, so seeding obeys them too. */
export class CreateCategoryDto {
  @ApiProperty({ example: 'audio-video' }) @IsString() slug: string;
  @ApiPropertyOptional({ description: 'place on the help center, 1 first; default: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  position?: number;
  @ApiProperty({ description: 'English title' }) @IsString() title: string;
  @ApiPropertyOptional({ description: 'English description' }) @IsOptional() @IsString() description?: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000) position?: number;
}

export class CategoryTranslationDto {
  @ApiProperty() @IsString() title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
}

export class CreateSectionDto {
  @ApiProperty({ example: 'screen-sharing' }) @IsString() slug: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000) position?: number;
  @ApiProperty({ description: 'English title' }) @IsString() title: string;
}

export class UpdateSectionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000) position?: number;
}

export class SectionTranslationDto {
  @ApiProperty() @IsString() title: string;
}
