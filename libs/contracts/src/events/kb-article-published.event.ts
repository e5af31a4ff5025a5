import { IsInt, IsISO8601, IsNotEmpty, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export class KbArticlePublishedV1 {
  @IsString() @IsNotEmpty() articleId: string;
  @IsString() @IsNotEmpty() slug: string;
  @IsString() @IsNotEmpty() locale: string;
  @IsString() @IsNotEmpty() title: string;
  @IsString() @IsNotEmpty() kind: string;
  @IsString() @IsNotEmpty() category: string;
  @IsInt() version: number;
  @IsISO8601({ strict: true }) publishedAt: string;
}

export const KbArticlePublished = defineEvent({
  type: 'support.kb.article_published.v1',
  topic: TOPICS.kb,
  payload: KbArticlePublishedV1,
  key: (data) => data.articleId,
});
