import { ApiProperty } from '@nestjs/swagger';
import { TOP_RESOURCES_SIZE } from '@support/domain-knowledge';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

export class PutTopResourcesDto {
  @ApiProperty({
    type: [String],
    maxItems: TOP_RESOURCES_SIZE,
    description: 'article ids or slugs, first shown first; [] removes the list (the locale then shows English)',
  })
  @IsArray()
  @ArrayMaxSize(TOP_RESOURCES_SIZE, { message: `articles must list at most ${TOP_RESOURCES_SIZE} articles` })
  @IsString({ each: true })
  articles: string[];
}
