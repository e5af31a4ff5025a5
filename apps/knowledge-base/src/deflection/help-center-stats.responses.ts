import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiId, ApiInstant, ApiInteger, ApiNested, ApiNumber, ApiOneOf, ApiText } from '@support/platform';
import { ARTICLE_STATUSES } from '../articles/article.entity';
import { SUGGESTION_CHANNELS } from './suggestion.entity';

export class DeflectionFiguresResponse {
  @ApiInteger({ description: 'suggestion sets shown' }) shown!: number;
  @ApiInteger({ description: 'of those, marked as answering the question' }) answered!: number;
  @ApiNumber({ minimum: 0, maximum: 1, description: 'answered / shown, to four decimals; 0 when nothing was shown' }) rate!: number;
}

export class LocaleDeflectionResponse extends DeflectionFiguresResponse {
  @ApiText() locale!: string;
}

export class ArticleDeflectionResponse extends DeflectionFiguresResponse {
  @ApiId() articleId!: string;
  @ApiText({ nullable: true }) slug!: string | null;
  @ApiText({ nullable: true }) title!: string | null;
}

/** GET /v1/admin/stats/deflection. */
export class DeflectionStatsResponse {
  @ApiInstant() since!: string;
  @ApiInstant() until!: string;
  @ApiOneOf(SUGGESTION_CHANNELS, { nullable: true }) channel!: string | null;
  @ApiNested(() => DeflectionFiguresResponse) overall!: DeflectionFiguresResponse;
  @ApiNested(() => LocaleDeflectionResponse, { isArray: true }) byLocale!: LocaleDeflectionResponse[];
  @ApiNested(() => ArticleDeflectionResponse, { isArray: true }) byArticle!: ArticleDeflectionResponse[];
}

export class MissingTranslationResponse {
  @ApiId() articleId!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
  @ApiOneOf(ARTICLE_STATUSES) status!: string;
  @ApiOneOf(SUPPORTED_LOCALES, { description: 'the locale readers asked for and did not get' }) locale!: string;
  @ApiInteger() fallbackReads!: number;
  @ApiText({ format: 'date' }) lastReadOn!: string;
}

/** GET /v1/admin/stats/missing-translations. */
export class MissingTranslationsResponse {
  @ApiText({ format: 'date' }) since!: string;
  @ApiNested(() => MissingTranslationResponse, { isArray: true, description: 'most fallback reads first' })
  items!: MissingTranslationResponse[];
}
