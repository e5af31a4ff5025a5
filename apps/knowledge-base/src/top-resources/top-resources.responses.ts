import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiId, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';
import { ARTICLE_STATUSES } from '../articles/article.entity';
import { ArticleSummaryResponse } from '../articles/articles.responses';

export class TopResourceResponse extends ArticleSummaryResponse {
  @ApiInteger({ minimum: 1 }) position!: number;
}

/** GET /v1/top-resources. */
export class TopResourcesResponse {
  @ApiOneOf(SUPPORTED_LOCALES) requestedLocale!: string;
  @ApiOneOf(SUPPORTED_LOCALES, { description: "the list shown: the locale's own, else the English one" }) listLocale!: string;
  @ApiNested(() => TopResourceResponse, { isArray: true }) items!: TopResourceResponse[];
}

export class StoredTopResourceResponse {
  @ApiInteger({ minimum: 1 }) position!: number;
  @ApiId() articleId!: string;
  @ApiText() slug!: string;
  @ApiOneOf(ARTICLE_STATUSES) status!: string;
}

/** A locale's list as stored, drafts included (administrators). */
export class StoredTopResourcesResponse {
  @ApiOneOf(SUPPORTED_LOCALES) locale!: string;
  @ApiNested(() => StoredTopResourceResponse, { isArray: true }) items!: StoredTopResourceResponse[];
}
