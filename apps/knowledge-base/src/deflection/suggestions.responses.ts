import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiId, ApiInstant, ApiInteger, ApiNested, ApiNumber, ApiOneOf, ApiText, ApiTexts } from '@support/platform';
import { ArticleSummaryResponse } from '../articles/articles.responses';
import { SUGGESTION_CHANNELS } from './suggestion.entity';

export class SuggestedArticleResponse extends ArticleSummaryResponse {
  @ApiNumber({ description: 'relevance, to three decimals' }) score!: number;
}

/** POST /v1/suggestions: articles for a question typed into the help center. */
export class TextSuggestionsResponse {
  @ApiId({ nullable: true, description: 'the recorded set, to mark the answer with; null when nothing matched' }) suggestionId!:
    string | null;
  @ApiOneOf(SUPPORTED_LOCALES) requestedLocale!: string;
  @ApiTexts({ description: 'the words matched' }) terms!: string[];
  @ApiNested(() => SuggestedArticleResponse, { isArray: true }) articles!: SuggestedArticleResponse[];
}

export class SuggestionItemResponse {
  @ApiInteger({ minimum: 1 }) position!: number;
  @ApiId() articleId!: string;
  @ApiText({ nullable: true, description: 'null once the article is gone' }) slug!: string | null;
  @ApiOneOf(SUPPORTED_LOCALES, { description: 'the locale it was shown in' }) locale!: string;
  @ApiNumber() score!: number;
}

/** One recorded set of suggestions (for a ticket, or for a typed question). */
export class SuggestionResponse {
  @ApiId() id!: string;
  @ApiOneOf(SUGGESTION_CHANNELS) channel!: string;
  @ApiText({ nullable: true }) ticketId!: string | null;
  @ApiOneOf(SUPPORTED_LOCALES) locale!: string;
  @ApiNested(() => SuggestionItemResponse, { isArray: true }) articles!: SuggestionItemResponse[];
  @ApiId({ nullable: true, description: 'the article that answered the question' }) answeredArticleId!: string | null;
  @ApiInstant({ nullable: true }) answeredAt!: string | null;
  @ApiInstant() createdAt!: string;
}
