import type { ArticleKind, Audience, Locale } from '@support/domain-knowledge';
import type { EntityManager } from 'typeorm';

/**
 * The seam between the knowledge base and its search engine. Everything else (readers' search,
 * autocomplete, ticket and typed-question suggestions, article writes) talks to this port only;
 * `MysqlSearchEngine` (article-search.service.ts) implements it over term-index tables in the
 * service's own database. A distributed engine (OpenSearch, Elasticsearch) would be a second
 * provider of the same token: see docs/search.md for what it must do.
 */
export interface ArticleFilters {
  /** category slug or id */
  category?: string;
  kind?: ArticleKind;
  audience?: Audience;
}

export interface SearchTerms {
  /** the typed words, in order (parseSearchQuery's terms) */
  terms: readonly string[];
  /** a quoted phrase: ranked like any run of typed words that is found together in a title */
  phrase?: string;
}

/** A published article matching a search, with what it is ranked by. */
export interface RankedArticle {
  articleId: string;
  /** the locale whose text matched: the reader's translation, else English */
  servedLocale: Locale;
  /** 1 when every typed word is in the title as written; such matches come first */
  tier: number;
  /** the final score (relevance with exact-title, phrase and capped popularity boosts) */
  relevance: number;
  helpfulVotes: number;
  notHelpfulVotes: number;
  updatedAt: Date;
}

/** A match with what a ticket's suggestion announces: the slug and the served title. */
export interface MatchedArticle extends RankedArticle {
  slug: string;
  title: string;
}

/** One ticket's or typed question's keywords, in the language they are written in. */
export interface SuggestionRequest {
  terms: readonly string[];
  locale: Locale;
}

/** A title offered while the reader types. */
export interface Completion {
  articleId: string;
  slug: string;
  title: string;
  servedLocale: Locale;
}

/** The words a search matched through (stems, corrections, synonyms), for highlighting. */
export interface SearchResult {
  matches: MatchedArticle[];
  highlight: (word: string, servedLocale: string) => boolean;
}

export abstract class SearchPort {
  /** Brings one article's entries up to date with what is stored, inside the writer's transaction. */
  abstract index(manager: EntityManager, articleId: string): Promise<void>;

  /** A reader's search: the best matches the reader may be served, best first (at most MAX_MATCHES, 100, in the MySQL engine). */
  abstract query(query: SearchTerms, locale: Locale, filters?: ArticleFilters, manager?: EntityManager): Promise<SearchResult>;

  /**
   * The best `limit` matches for each of a run of tickets' (or one typed question's) keywords, in
   * the order asked: a fixed number of indexed queries for the whole run, not one per ticket.
   */
  abstract suggest(requests: readonly SuggestionRequest[], limit: number, manager?: EntityManager): Promise<MatchedArticle[][]>;

  /** Titles whose words start with what is being typed (the last word a prefix), best first. */
  abstract autocomplete(text: string, locale: Locale, limit: number): Promise<Completion[]>;

  /** Forget cached dictionaries and synonyms after a change to them. */
  abstract invalidate(): void;
}
