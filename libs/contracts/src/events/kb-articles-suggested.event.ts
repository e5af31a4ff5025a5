import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsNotEmpty, IsNumber, IsObject, IsString, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export class SuggestedArticleV1 {
  @IsString() @IsNotEmpty() articleId: string;
  @IsString() @IsNotEmpty() slug: string;
  @IsString() @IsNotEmpty() title: string;
  @IsString() @IsNotEmpty() locale: string;
  @IsNumber() score: number;
}

export class KbArticlesSuggestedV1 {
  @IsString() @IsNotEmpty() ticketId: string;
  @IsString() @IsNotEmpty() locale: string;
  @IsArray() @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SuggestedArticleV1) suggestions: SuggestedArticleV1[];
  @IsISO8601({ strict: true }) suggestedAt: string;
}

export const KbArticlesSuggested = defineEvent({
  type: 'support.kb.articles_suggested.v1',
  topic: TOPICS.kb,
  payload: KbArticlesSuggestedV1,
  key: (data) => data.ticketId,
});
