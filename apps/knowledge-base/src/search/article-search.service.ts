import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareArticleScores, indexTerm, isStopWord, MAX_QUERY_TERMS, scoreArticle, SOURCE_LOCALE,
  type ArticleKind, type Audience, type Locale,
} from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_COUNT_TERM } from './search-index';

export interface ArticleFilters {
  /** category slug or id */
  category?: string;
  kind?: ArticleKind;
  audience?: Audience;
}

export interface SearchTerms {
  terms: readonly string[];
  /** accepted for the query parser's sake; the term index holds no word positions, so phrases are not boosted */
  phrase?: string;
}

/** A published article matching a search, with what it is ranked by. */
export interface RankedArticle {
  articleId: string;
  /** the locale whose text matched: the reader's translation, else English */
  servedLocale: Locale;
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

/**
 * How many documents each query word contributes as candidates (its best by weight, for the word
 * itself and for its most common longer completion), and how many ranked matches a search can
 * page through.
 */
export const CANDIDATES_PER_TERM = 200;
export const MAX_MATCHES = 200;

interface MatchRow {
  articleId: string;
  servedLocale: string;
  title: string;
  slug: string;
  helpfulVotes: number | string;
  notHelpfulVotes: number | string;
  updatedAt: Date;
  relevance: number | string;
}

/**
 * Keyword search over what each reader is served (their locale's translation where one exists,
 * English otherwise), in ONE indexed SQL statement over the term index of search-index.ts:
 *
 * 1. candidates: for each query word, the CANDIDATES_PER_TERM heaviest postings of the word and
 *    of its most common longer completion in the index ("hotline" → "hotlines"), read best-first from the
 *    (term, weight) index, keeping only documents the reader may be served and that pass the
 *    filters (checked while reading, so a LIMIT never drops the best match of a filter);
 * 2. relevance of each candidate: the sum over those terms (each counted once) of weight ×
 *    rarity (termRarity of the domain library, ln(1 + N/n)), the best MAX_MATCHES kept;
 * 3. joined to what a result or a suggestion shows (slug, served title, votes, date).
 *
 * The final order is compareRanked: relevance, then helpfulness, then recency, then id.
 */
@Injectable()
export class ArticleSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rank(
    query: SearchTerms,
    locale: Locale,
    filters: ArticleFilters = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchedArticle[]> {
    const words = queryWords(query.terms);
    if (words.length === 0) return [];
    const statement = matchStatement(words, locale, filters);
    const rows: MatchRow[] = await manager.query(statement.sql, statement.params);
    return rows
      .map((row) => ({
        articleId: row.articleId,
        servedLocale: row.servedLocale as Locale,
        slug: row.slug,
        title: row.title,
        relevance: round(Number(row.relevance)),
        helpfulVotes: Number(row.helpfulVotes),
        notHelpfulVotes: Number(row.notHelpfulVotes),
        updatedAt: new Date(row.updatedAt),
      }))
      .filter((r) => r.relevance > 0)
      .sort(compareRanked);
  }

  /**
   * Everything a ticket's (or a typed question's) suggestion needs, in one indexed query: the
   * best `limit` matches for the terms, best first, each with its slug, served locale and title.
   */
  async suggest(terms: readonly string[], locale: Locale, limit: number, manager: EntityManager = this.dataSource.manager): Promise<MatchedArticle[]> {
    return (await this.rank({ terms }, locale, {}, manager)).slice(0, limit);
  }
}

/** The folded words a query searches for; filler words are not indexed, so they are left out. */
export function queryWords(terms: readonly string[]): string[] {
  const folded = terms.filter((t) => !isStopWord(t)).map(indexTerm).filter((t): t is string => t !== null);
  return [...new Set(folded)].slice(0, MAX_QUERY_TERMS);
}

function matchStatement(words: readonly string[], locale: Locale, filters: ArticleFilters): { sql: string; params: unknown[] } {
  const scope = scopeSql(locale, filters);
  // a word's most common longer completion in the index ("hotline" → "hotlines")
  const completion = `(SELECT e.term FROM kb_search_term e WHERE e.term LIKE ? AND e.term <> ? AND e.documents > 0 ORDER BY e.documents DESC, e.term LIMIT 1)`;
  const candidates: string[] = [];
  const expansions: string[] = [];
  const candidateParams: unknown[] = [];
  const expansionParams: unknown[] = [];
  for (const word of words) {
    for (const term of ['?', completion]) {
      candidates.push(
        `(SELECT p.document_id FROM kb_search_posting p JOIN kb_search_document d ON d.id = p.document_id
           WHERE p.term = ${term}${scope.sql} ORDER BY p.weight DESC LIMIT ${CANDIDATES_PER_TERM})`,
      );
      expansions.push(`SELECT x.term, x.documents FROM kb_search_term x WHERE x.term = ${term}`);
      const termParams = term === '?' ? [word] : [prefixPattern(word), word];
      candidateParams.push(...termParams, ...scope.params);
      expansionParams.push(...termParams);
    }
  }
  const sql = `
    SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, d.updated_at AS updatedAt,
           a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes, r.relevance
      FROM (
        SELECT c.document_id, SUM(p.weight * LN(1 + GREATEST(n.documents, 1) / GREATEST(t.documents, 1))) AS relevance
          FROM (${candidates.join('\n UNION ')}) c
          JOIN (${expansions.join('\n UNION ')}) t
          JOIN kb_search_posting p ON p.document_id = c.document_id AND p.term = t.term
          JOIN kb_search_term n ON n.term = ?
         GROUP BY c.document_id
         ORDER BY relevance DESC
         LIMIT ?
      ) r
      JOIN kb_search_document d ON d.id = r.document_id
      JOIN kb_article a ON a.id = d.article_id`;
  return { sql, params: [...candidateParams, ...expansionParams, DOCUMENT_COUNT_TERM, MAX_MATCHES] };
}

/** What the reader may be served, and the list filters, on the document alias d. */
function scopeSql(locale: Locale, filters: ArticleFilters): { sql: string; params: unknown[] } {
  let sql: string;
  const params: unknown[] = [];
  if (locale === SOURCE_LOCALE) {
    sql = ` AND d.locale = '${SOURCE_LOCALE}'`;
  } else {
    sql = ` AND (d.locale = ? OR (d.locale = '${SOURCE_LOCALE}' AND FIND_IN_SET(?, d.other_locales) = 0))`;
    params.push(locale, locale);
  }
  if (filters.kind !== undefined) {
    sql += ' AND d.kind = ?';
    params.push(filters.kind);
  }
  if (filters.audience !== undefined) {
    sql += ' AND d.audience = ?';
    params.push(filters.audience);
  }
  if (filters.category !== undefined) {
    sql += ' AND d.category_id IN (SELECT k.id FROM kb_category k WHERE k.slug = ? OR k.id = ?)';
    params.push(filters.category, filters.category);
  }
  return { sql, params };
}

/** Best first; a total order (the id settles exact ties) that cursors resume from. */
export function compareRanked(a: RankedArticle, b: RankedArticle): number {
  const now = new Date();
  const byScore = compareArticleScores(
    scoreArticle({ relevance: a.relevance, updatedAt: a.updatedAt, helpfulVotes: a.helpfulVotes, notHelpfulVotes: a.notHelpfulVotes, now }),
    scoreArticle({ relevance: b.relevance, updatedAt: b.updatedAt, helpfulVotes: b.helpfulVotes, notHelpfulVotes: b.notHelpfulVotes, now }),
  );
  if (byScore !== 0) return byScore;
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
}

/** SQL conditions for the list filters, on the aliases a (article), s (section), c (category). */
export function filterSql(filters: ArticleFilters): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
  if (filters.category !== undefined) {
    sql += ' AND (c.slug = ? OR c.id = ?)';
    params.push(filters.category, filters.category);
  }
  if (filters.kind !== undefined) {
    sql += ' AND a.kind = ?';
    params.push(filters.kind);
  }
  if (filters.audience !== undefined) {
    sql += ' AND a.audience = ?';
    params.push(filters.audience);
  }
  return { sql, params };
}

// Indexed terms hold only letters and digits; the escapes are for safety's sake.
function prefixPattern(word: string): string {
  return `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Relevance is a float sum; rounding keeps equal matches equal across queries.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
