import { isStopWord } from './stop-words';
import { searchableWords, uniqueInOrder } from './words';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 20;

export type SearchQueryErrorCode = 'empty_query' | 'query_too_long' | 'too_many_terms';

export interface SearchQueryError {
  code: SearchQueryErrorCode;
  message: string;
}

export interface ParsedSearchQuery {
  /** Distinct lower-cased words, in the order typed. */
  terms: string[];
  /** The words of the first quoted part of the query, when it has at least two. */
  phrase?: string;
}

export function isSearchQueryError(result: ParsedSearchQuery | SearchQueryError): result is SearchQueryError {
  return 'code' in result;
}

const QUOTED = /["“„«]([^"“”„«»]*)["”»]/;

/**
 * Reads what a reader typed into the search box. Only words survive (letters and digits of any
 * script), so boolean-mode operators and punctuation cannot reach the database.
 */
export function parseSearchQuery(q: string): ParsedSearchQuery | SearchQueryError {
  const text = typeof q === 'string' ? q.normalize('NFC').trim() : '';
  if ([...text].length > MAX_QUERY_LENGTH) {
    return { code: 'query_too_long', message: `q must be at most ${MAX_QUERY_LENGTH} characters` };
  }
  const terms = uniqueInOrder(searchableWords(text));
  if (terms.length === 0) {
    return { code: 'empty_query', message: 'q must contain at least one word of two or more letters or digits' };
  }
  if (terms.length > MAX_QUERY_TERMS) {
    return { code: 'too_many_terms', message: `q must contain at most ${MAX_QUERY_TERMS} distinct words, got ${terms.length}` };
  }
  const quoted = QUOTED.exec(text);
  const phraseWords = quoted ? searchableWords(quoted[1]) : [];
  return phraseWords.length >= 2 ? { terms, phrase: phraseWords.join(' ') } : { terms };
}

export interface BooleanModeQueryOptions {
  /** 'any' ranks rows matching more words higher; 'all' requires every word. Default 'any'. */
  mode?: 'any' | 'all';
  /** A phrase to boost, as returned by parseSearchQuery. */
  phrase?: string;
  /**
   * Words shorter than this are not in a MariaDB FULLTEXT index (innodb_ft_min_token_size,
   * 3 by default), and a required one would match nothing, so they are left out.
   */
  minTokenLength?: number;
}

/**
 * The search expression for `MATCH (…) AGAINST (? IN BOOLEAN MODE)`, to be passed as a bound
 * parameter. Every word is re-split here, so the output holds only letters, digits, spaces and
 * the operators added by this function, whatever the caller passes in. Each word gets a `*` so
 * that a reader still typing ("webin") finds "webinar". Filler words are left out unless they
 * are all there is. Returns '' when nothing searchable remains: do not run MATCH with it.
 */
export function toBooleanModeQuery(terms: readonly string[], options: BooleanModeQueryOptions = {}): string {
  const { mode = 'any', phrase, minTokenLength = 3 } = options;
  const words = uniqueInOrder(terms.flatMap((term) => searchableWords(String(term))))
    .filter((word) => [...word].length >= minTokenLength)
    .slice(0, MAX_QUERY_TERMS);
  const meaningful = words.filter((word) => !isStopWord(word));
  const chosen = meaningful.length > 0 ? meaningful : words;
  const parts = chosen.map((word) => `${mode === 'all' ? '+' : ''}${word}*`);

  const phraseWords = phrase ? searchableWords(phrase).slice(0, MAX_QUERY_TERMS) : [];
  if (parts.length > 0 && phraseWords.length >= 2) parts.push(`"${phraseWords.join(' ')}"`);
  return parts.join(' ');
}
