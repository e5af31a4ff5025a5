import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  analyzeText, foldForm, MAX_QUERY_TERMS, planQuery, queryLanguages, rankMatch, RECENT_VIEW_DAYS, SOURCE_LOCALE, stemMatcher, titleMatch,
  wilsonLowerBound, type Locale, type QueryPlan,
} from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../environment';
import { SearchDictionary } from './search-dictionary';
import { DOCUMENT_COUNT_TERM, reindexArticle } from './search-index';
import {
  SearchPort, type ArticleFilters, type Completion, type MatchedArticle, type RankedArticle, type SearchResult, type SearchTerms,
} from './search-port';

export type { ArticleFilters, MatchedArticle, RankedArticle, SearchTerms } from './search-port';

/**
 * How many documents each indexed term contributes as candidates (its best by weight), for a
 * reader's search and for a ticket's suggestion, and how many ranked matches a search can page
 * through.
 */
export const CANDIDATES_PER_TERM = 200;
export const SUGGESTION_CANDIDATES_PER_TERM = 30;
/** a query with many terms reads fewer candidates per term, at least this many */
const MIN_CANDIDATES_PER_TERM = 25;
const CANDIDATE_BUDGET = 400;
export const MAX_MATCHES = 200;
/** alternatives (stems, corrections, synonyms) one search may look up */
const MAX_ALTERNATIVES = 12;
const MAX_SUGGESTION_ALTERNATIVES = 16;
/** rows the autocomplete reads from the title-word index before ranking them */
const COMPLETION_CANDIDATES = 50;

interface MatchRow {
  articleId: string;
  servedLocale: string;
  title: string;
  slug: string;
  helpfulVotes: number | string;
  notHelpfulVotes: number | string;
  recentViews: number | string | null;
  updatedAt: Date;
  relevance: number | string;
}

/**
 * The search port over MySQL: the term index of search-index.ts in ordinary B-tree tables.
 *
 * A query is planned in the process (planQuery of the domain library: the typed words' Snowball
 * stems in the reader's language and English, typo corrections from the in-memory dictionary of
 * indexed words, synonyms) and answered with ONE SQL statement:
 *
 * 1. candidates: for each planned term, its best postings by weight, read from the
 *    (term, weight) index with a LIMIT, keeping only documents the reader may be served that
 *    pass the filters (checked while reading, so the limit never drops the best match of a
 *    filter or a locale);
 * 2. relevance of each candidate: for each typed word, the best of its alternatives (weight ×
 *    match factor × rarity ln(1 + N/n)), summed over the words and multiplied by the share of
 *    typed words matched (coordination); the best MAX_MATCHES kept;
 * 3. joined to what a result shows (slug, served title, votes, reads of the last 30 days).
 *
 * The process then ranks those (rankMatch): every typed word in the title as written first, then
 * relevance raised for exact and phrase title matches and, capped, for votes and recent reads.
 */
@Injectable()
export class MysqlSearchEngine extends SearchPort {
  private readonly dictionary: SearchDictionary;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(KnowledgeBaseEnvironment) env?: KnowledgeBaseEnvironment,
  ) {
    super();
    this.dictionary = new SearchDictionary(dataSource, env?.KB_SEARCH_DICTIONARY_MAX_AGE_MS ?? 60_000);
  }

  async index(manager: EntityManager, articleId: string): Promise<void> {
    await reindexArticle(manager, articleId);
    this.dictionary.touch();
  }

  invalidate(): void {
    this.dictionary.invalidate();
  }

  /** Loads the dictionary now (a search would on first use). */
  async warmUp(): Promise<void> {
    await this.dictionary.refresh();
  }

  async plan(terms: readonly string[], locale: Locale, maxAlternatives = MAX_ALTERNATIVES): Promise<QueryPlan> {
    const dictionary = await this.dictionary.ready();
    return planQuery(terms.slice(0, MAX_QUERY_TERMS), locale, { dictionary, synonyms: dictionary.synonyms(), maxAlternatives });
  }

  async query(query: SearchTerms, locale: Locale, filters: ArticleFilters = {}, manager: EntityManager = this.dataSource.manager): Promise<SearchResult> {
    const plan = await this.plan(query.terms, locale);
    const matches = await this.rankPlan(plan, locale, filters, manager, candidatesPerTerm(plan, CANDIDATES_PER_TERM));
    const highlighters = new Map<string, (word: string) => boolean>();
    return {
      matches,
      highlight: (word, servedLocale) => {
        let matcher = highlighters.get(servedLocale);
        if (!matcher) highlighters.set(servedLocale, (matcher = stemMatcher(plan, servedLocale)));
        return matcher(word);
      },
    };
  }

  /** The matches of a search (for callers that need no highlighting). */
  async rank(query: SearchTerms, locale: Locale, filters: ArticleFilters = {}, manager: EntityManager = this.dataSource.manager): Promise<MatchedArticle[]> {
    return (await this.query(query, locale, filters, manager)).matches;
  }

  async suggest(terms: readonly string[], locale: Locale, limit: number, manager: EntityManager = this.dataSource.manager): Promise<MatchedArticle[]> {
    const plan = await this.plan(terms, locale, MAX_SUGGESTION_ALTERNATIVES);
    return (await this.rankPlan(plan, locale, {}, manager, SUGGESTION_CANDIDATES_PER_TERM)).slice(0, limit);
  }

  async autocomplete(text: string, locale: Locale, limit: number): Promise<Completion[]> {
    const typed = String(text ?? '').normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    const prefix = foldForm(typed[typed.length - 1] ?? '');
    if (prefix.length === 0) return [];
    // the complete words before it must be in the document too (any of their stems)
    const complete = typed.slice(0, -1).slice(-3).map((word) => [...new Set(queryLanguages(locale).flatMap((l) => analyzeText(word, l).map((w) => w.stem)))]).filter((s) => s.length > 0);
    const scope = scopeSql(locale, {});
    const required = complete.map((stems) => ` AND EXISTS (SELECT 1 FROM kb_search_posting q WHERE q.document_id = d.id AND q.term IN (${stems.map(() => '?').join(', ')}))`);
    const rows: Array<{ articleId: string; servedLocale: string; title: string; slug: string; helpfulVotes: number | string; notHelpfulVotes: number | string }> =
      await this.dataSource.query(
        `SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes
           FROM kb_search_title_word w
           JOIN kb_search_document d ON d.id = w.document_id
           JOIN kb_article a ON a.id = d.article_id
          WHERE w.form LIKE ?${scope.sql}${required.join('')}
          LIMIT ${COMPLETION_CANDIDATES}`,
        [likePrefix(prefix), ...scope.params, ...complete.flat()],
      );
    const seen = new Set<string>();
    return rows
      .map((row) => {
        const forms = analyzeText(row.title, row.servedLocale).map((w) => w.form);
        const helpful = Number(row.helpfulVotes) + 1;
        return {
          row,
          whole: forms.includes(prefix) ? 1 : 0,
          first: forms[0]?.startsWith(prefix) ? 1 : 0,
          helpfulness: wilsonLowerBound(helpful, helpful + Number(row.notHelpfulVotes) + 1),
        };
      })
      .sort((a, b) => b.whole - a.whole || b.first - a.first || b.helpfulness - a.helpfulness || a.row.title.length - b.row.title.length || (a.row.articleId < b.row.articleId ? -1 : 1))
      .filter(({ row }) => !seen.has(row.articleId) && seen.add(row.articleId) !== undefined)
      .slice(0, limit)
      .map(({ row }) => ({ articleId: row.articleId, slug: row.slug, title: row.title, servedLocale: row.servedLocale as Locale }));
  }

  private async rankPlan(plan: QueryPlan, locale: Locale, filters: ArticleFilters, manager: EntityManager, perTerm: number): Promise<MatchedArticle[]> {
    if (plan.alternatives.length === 0) return [];
    const statement = matchStatement(plan, locale, filters, perTerm);
    const rows: MatchRow[] = await manager.query(statement.sql, statement.params);
    return rows
      .map((row) => {
        const helpfulVotes = Number(row.helpfulVotes);
        const notHelpfulVotes = Number(row.notHelpfulVotes);
        const rank = rankMatch({
          relevance: Number(row.relevance),
          title: titleMatch(plan, row.title, row.servedLocale),
          helpfulVotes,
          notHelpfulVotes,
          recentViews: Number(row.recentViews ?? 0),
        });
        return {
          articleId: row.articleId,
          servedLocale: row.servedLocale as Locale,
          slug: row.slug,
          title: row.title,
          tier: rank.tier,
          relevance: rank.score,
          helpfulVotes,
          notHelpfulVotes,
          updatedAt: new Date(row.updatedAt),
        };
      })
      .filter((r) => r.relevance > 0)
      .sort(compareRanked);
  }
}

function candidatesPerTerm(plan: QueryPlan, max: number): number {
  const terms = new Set(plan.alternatives.map((a) => a.term)).size;
  return Math.max(MIN_CANDIDATES_PER_TERM, Math.min(max, Math.floor(CANDIDATE_BUDGET / Math.max(1, terms))));
}

export function matchStatement(plan: QueryPlan, locale: Locale, filters: ArticleFilters, perTerm: number): { sql: string; params: unknown[] } {
  const scope = scopeSql(locale, filters);
  const terms = [...new Set(plan.alternatives.map((a) => a.term))];
  const candidates = terms.map(
    () => `(SELECT p.document_id FROM kb_search_posting p JOIN kb_search_document d ON d.id = p.document_id
             WHERE p.term = ?${scope.sql} ORDER BY p.weight DESC LIMIT ${perTerm})`,
  );
  const candidateParams = terms.flatMap((term) => [term, ...scope.params]);
  // each alternative: its term (with the documents holding it), the typed word it stands for, its factor
  const alternatives = plan.alternatives.map(() => 'SELECT x.term, x.documents, ? AS slot, ? AS factor FROM kb_search_term x WHERE x.term = ?');
  const alternativeParams = plan.alternatives.flatMap((a) => [a.slot, a.factor, a.term]);
  const since = new Date(Date.now() - RECENT_VIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
  // STRAIGHT_JOIN: each candidate's postings are read by primary key (document, term); left to
  // itself the optimizer may read every posting of a common term instead
  const sql = `
    SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, d.updated_at AS updatedAt,
           a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes, r.relevance,
           (SELECT SUM(v.views) FROM kb_article_view_count v WHERE v.article_id = d.article_id AND v.day >= ?) AS recentViews
      FROM (
        SELECT w.document_id, SUM(w.best) * SQRT(LEAST(COUNT(*), ?) / ?) AS relevance
          FROM (
            SELECT c.document_id, t.slot, MAX(p.weight * t.factor * LN(1 + GREATEST(n.documents, 1) / GREATEST(t.documents, 1))) AS best
              FROM (${candidates.join('\n UNION ')}) c
              STRAIGHT_JOIN (${alternatives.join('\n UNION ALL ')}) t
              STRAIGHT_JOIN kb_search_posting p ON p.document_id = c.document_id AND p.term = t.term
              JOIN kb_search_term n ON n.term = ?
             GROUP BY c.document_id, t.slot
          ) w
         GROUP BY w.document_id
         ORDER BY relevance DESC
         LIMIT ?
      ) r
      JOIN kb_search_document d ON d.id = r.document_id
      JOIN kb_article a ON a.id = d.article_id`;
  const slots = Math.max(1, plan.slots);
  return { sql, params: [since, slots, slots, ...candidateParams, ...alternativeParams, DOCUMENT_COUNT_TERM, MAX_MATCHES] };
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

// Relevance is a float; values this close are the same match.
const SCORE_TOLERANCE = 1e-6;

/** Best first: tier, then score, then id; a total order that cursors resume from. */
export function compareRanked(a: Pick<RankedArticle, 'articleId' | 'tier' | 'relevance'>, b: Pick<RankedArticle, 'articleId' | 'tier' | 'relevance'>): number {
  if (a.tier !== b.tier) return b.tier - a.tier;
  const scale = Math.max(1, Math.abs(a.relevance), Math.abs(b.relevance));
  if (Math.abs(a.relevance - b.relevance) > SCORE_TOLERANCE * scale) return b.relevance - a.relevance;
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

function likePrefix(word: string): string {
  return `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
