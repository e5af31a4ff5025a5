import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString } from 'class-validator';
import { MAX_SYNONYMS_PER_RULE } from '../synonyms';

export class SynonymDto {
  @ApiProperty({ example: 'en', description: 'the locale whose readers type the term' }) @IsString() locale: string;
  @ApiProperty({ example: 'bill', description: 'a word or phrase of up to 4 words, as readers type it' }) @IsString() term: string;
  @ApiProperty({ example: ['invoice'], description: `what the term also means, as articles say it (1..${MAX_SYNONYMS_PER_RULE})` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNONYMS_PER_RULE)
  @IsString({ each: true })
  synonyms: string[];
}

export class SynonymListQueryDto {
  @ApiPropertyOptional({ description: 'only the rules of this locale' }) @IsOptional() @IsString() locale?: string;
}
