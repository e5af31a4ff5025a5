import { suggestionTerms, type Locale } from '@support/domain-knowledge';
import { isStaff, type Principal } from '@support/platform';
import type { RankedArticle } from '../search/search-port';
import { Suggestion, type SuggestionChannel, type SuggestionItem } from './suggestion.entity';

/** Longest text a requester may send to be matched; a ticket's description is cut to it. */
export const MAX_SUGGESTION_TEXT_LENGTH = 10_000;
/** Matches scoring below this share of the best one are noise next to it, not help. */
export const RELATIVE_SCORE_FLOOR = 0.25;

/** What a recorded set of suggestions says about where it was shown and what was matched. */
export interface SuggestionDraft {
  id: string;
  channel: SuggestionChannel;
  ticketId: string | null;
  requesterId: string | null;
  requesterAccountId: string | null;
  locale: Locale;
  terms: readonly string[];
}

/** The words a ticket is matched by: the subject states the most important point, so its words come first. */
export function ticketTerms(subject: string, details: string): string[] {
  return [...new Set([...suggestionTerms(subject, { max: 6 }), ...suggestionTerms(`${subject}\n${details}`, { max: 12 })])];
}

/** The matches worth showing next to the best one (at least RELATIVE_SCORE_FLOOR of its score). */
export function worthShowing<T extends Pick<RankedArticle, 'relevance'>>(ranked: readonly T[]): T[] {
  const best = ranked[0]?.relevance ?? 0;
  return ranked.filter((r) => r.relevance >= best * RELATIVE_SCORE_FLOOR);
}

/** A set to record: where it was shown, what was matched, and the articles shown, best first. */
export function suggestionRow(suggestion: SuggestionDraft, shown: readonly RankedArticle[], createdAt: Date): Suggestion {
  return Object.assign(new Suggestion(), {
    id: suggestion.id,
    channel: suggestion.channel,
    ticketId: suggestion.ticketId,
    requesterId: suggestion.requesterId,
    requesterAccountId: suggestion.requesterAccountId,
    locale: suggestion.locale,
    searchTerms: suggestion.terms.join(' ').slice(0, 500),
    articles: shown.map((r): SuggestionItem => ({ articleId: r.articleId, servedLocale: r.servedLocale, score: r.relevance })),
    answeredArticleId: null,
    answeredAt: null,
    createdAt,
  });
}

/**
 * The set was shown to this caller: same user in the same account (a customer is (account,
 * user); staff act for no account). A set recorded without its requester's account is nobody's.
 */
export function isRequester(suggestion: Suggestion, caller: Principal): boolean {
  if (suggestion.requesterId !== caller.userId) return false;
  return caller.accountId === null
    ? isStaff(caller) && suggestion.requesterAccountId === null
    : suggestion.requesterAccountId === caller.accountId;
}
