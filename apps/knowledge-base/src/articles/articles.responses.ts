import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { ARTICLE_KINDS, AUDIENCES, SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiFlag, ApiId, ApiInstant, ApiInteger, ApiMap, ApiNested, ApiNumber, ApiOneOf, ApiText, ApiTexts } from '@support/platform';
import { LocaleFieldsResponse } from '../catalog/catalog.responses';
import { ARTICLE_STATUSES } from './article.entity';

export class VoteCountsResponse {
  @ApiInteger({ minimum: 0 }) helpful!: number;
  @ApiInteger({ minimum: 0 }) notHelpful!: number;
}

export class LabelResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
}

export class ServedLabelResponse extends LabelResponse {
  @ApiOneOf(SUPPORTED_LOCALES) locale!: string;
  @ApiFlag() translated!: boolean;
}

export class SlugRefResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
}

/** An article as lists, search results, top resources and suggestions show it. */
export class ArticleSummaryResponse extends LocaleFieldsResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
  @ApiText({ description: 'an excerpt; search terms are marked' }) snippet!: string;
  @ApiOneOf(ARTICLE_KINDS) kind!: string;
  @ApiOneOf(AUDIENCES) audience!: string;
  @ApiNested(() => LabelResponse) category!: LabelResponse;
  @ApiNested(() => LabelResponse) section!: LabelResponse;
  @ApiText({ nullable: true, format: 'date' }) releasedOn!: string | null;
  @ApiNested(() => VoteCountsResponse) votes!: VoteCountsResponse;
  @ApiInstant() updatedAt!: string;
}

export class ArticleSearchItemResponse extends ArticleSummaryResponse {
  @ApiNumber({ required: false, description: 'relevance, when `q` was given' }) score?: number;
}

/** GET /v1/articles. */
export class ArticlePageResponse {
  @ApiOneOf(SUPPORTED_LOCALES) requestedLocale!: string;
  @ApiNested(() => ArticleSearchItemResponse, { isArray: true, description: 'by relevance with `q`, else most recently updated first' })
  items!: ArticleSearchItemResponse[];
  @ApiText({ nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

export class CompletionResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
  @ApiOneOf(SUPPORTED_LOCALES) locale!: string;
  @ApiFlag() translated!: boolean;
}

/** GET /v1/articles/autocomplete. */
export class AutocompleteResponse {
  @ApiOneOf(SUPPORTED_LOCALES) requestedLocale!: string;
  @ApiNested(() => CompletionResponse, { isArray: true }) items!: CompletionResponse[];
}

/** GET /v1/articles/:article: one published article for a reader. */
export class ArticleResponse extends LocaleFieldsResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
  @ApiText({ description: 'Markdown' }) body!: string;
  @ApiOneOf(ARTICLE_KINDS) kind!: string;
  @ApiOneOf(AUDIENCES) audience!: string;
  @ApiText({ nullable: true, format: 'uri' }) videoUrl!: string | null;
  @ApiTexts() errorCodes!: string[];
  @ApiText({ nullable: true, format: 'date' }) releasedOn!: string | null;
  @ApiNested(() => ServedLabelResponse) category!: ServedLabelResponse;
  @ApiNested(() => ServedLabelResponse) section!: ServedLabelResponse;
  @ApiNested(() => VoteCountsResponse) votes!: VoteCountsResponse;
  @ApiInstant({ nullable: true }) publishedAt!: string | null;
  @ApiInstant() updatedAt!: string;
}

export class ArticleTextResponse {
  @ApiText() title!: string;
  @ApiText() body!: string;
  @ApiInstant() updatedAt!: string;
  @ApiFlag({ description: 'older than the English source' }) outdated!: boolean;
}

export class ArticleViewsResponse {
  @ApiInteger() total!: number;
  @ApiMap({ description: 'views by the locale readers asked for', additionalProperties: { type: 'integer' } }) byRequestedLocale!: Record<
    string,
    number
  >;
  @ApiInteger({ description: 'views answered in English because the locale asked for was missing' }) servedInEnglishFallback!: number;
}

/** An article as administrators edit it (drafts included, every translation); every article write answers it. */
@ApiExtraModels(ArticleTextResponse)
export class AdminArticleResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiOneOf(ARTICLE_STATUSES) status!: string;
  @ApiInteger() version!: number;
  @ApiOneOf(ARTICLE_KINDS) kind!: string;
  @ApiOneOf(AUDIENCES) audience!: string;
  @ApiText({ nullable: true, format: 'uri' }) videoUrl!: string | null;
  @ApiTexts() errorCodes!: string[];
  @ApiText({ nullable: true, format: 'date' }) releasedOn!: string | null;
  @ApiNested(() => SlugRefResponse) category!: SlugRefResponse;
  @ApiNested(() => SlugRefResponse) section!: SlugRefResponse;
  @ApiMap({ description: 'by locale', additionalProperties: { $ref: getSchemaPath(ArticleTextResponse) } }) translations!: Record<
    string,
    ArticleTextResponse
  >;
  @ApiNested(() => VoteCountsResponse) votes!: VoteCountsResponse;
  @ApiNested(() => ArticleViewsResponse) views!: ArticleViewsResponse;
  @ApiInstant({ nullable: true }) publishedAt!: string | null;
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}

export class AdminArticleItemResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiOneOf(ARTICLE_STATUSES) status!: string;
  @ApiInteger() version!: number;
  @ApiOneOf(ARTICLE_KINDS) kind!: string;
  @ApiText({ description: 'the English title' }) title!: string;
  @ApiOneOf(SUPPORTED_LOCALES, { isArray: true }) locales!: string[];
  @ApiInstant() updatedAt!: string;
}

/** GET /v1/admin/articles. */
export class AdminArticlePageResponse {
  @ApiNested(() => AdminArticleItemResponse, { isArray: true, description: 'most recently changed first' })
  items!: AdminArticleItemResponse[];
  @ApiText({ nullable: true }) nextCursor!: string | null;
}
