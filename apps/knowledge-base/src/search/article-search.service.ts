import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  analyzeText,
  foldForm,
  MAX_QUERY_TERMS,
  planQuery,
  queryLanguages,
  rankMatch,
  RECENT_VIEW_DAYS,
  SOURCE_LOCALE,
  stemMatcher,
  titleMatch,
  wilsonLowerBound,
  type Locale,
  type QueryPlan,
} from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../environment';
import { SearchDictionary } from './search-dictionary';
import { DOCUMENT_COUNT_TERM, reindexArticle } from './search-index';
import {
  SearchPort,
  type ArticleFilters,
  type Completion,
  type MatchedArticle,
  type RankedArticle,
  type SearchResult,
  type SearchTerms,
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
export const MAX_MATCHES = 100;
/** candidates scored exactly (all their postings of the query's terms), best first by a first score from the postings read */
export const RESCORED_CANDIDATES = 30;
/** a ticket's suggestion scores exactly this many candidates per suggestion it returns (at least MIN_SUGGESTION_RESCORED) */
const SUGGESTION_RESCORED_PER_RESULT = 4;
const MIN_SUGGESTION_RESCORED = 20;
/** alternatives (stems, corrections, synonyms) one search may look up */
const MAX_ALTERNATIVES = 12;
const MAX_SUGGESTION_ALTERNATIVES = 16;
/** rows the autocomplete reads from the title-word index before ranking them */
const COMPLETION_CANDIDATES = 50;
/** postings of the rarest earlier word (per stem and locale) the autocomplete checks for the prefix */
const COMPLETION_DRIVER_POSTINGS = 100;

interface MatchRow {
  articleId: string;
  servedLocale: string;
  title: string;
  slug: string;
  helpfulVotes: number | string;
  notHelpfulVotes: number | string;
  recentViews: number | string | null;
  updatedAt: Date;
  /** the first score, from the postings read as candidates */
  relevance: number | string;
  /** for the rescored: "slot:worth" of each posting read as a candidate and of each looked up */
  seen: string | null;
  looked: string | null;
}

/**
 * A match's relevance: for a rescored candidate, from its postings read and looked up (for each
 * typed word its best alternative, summed, × √(share of typed words matched), as the first score
 * is computed in SQL); else its first score.
 */
export function matchRelevance(row: Pick<MatchRow, 'relevance' | 'seen' | 'looked'>, slots: number): number {
  if (row.seen === null || row.seen === undefined) return Number(row.relevance);
  const best = new Map<number, number>();
  for (const part of `${row.seen},${row.looked ?? ''}`.split(',')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const slot = Number(part.slice(0, colon));
    const worth = Number(part.slice(colon + 1));
    if (Number.isFinite(worth)) best.set(slot, Math.max(best.get(slot) ?? 0, worth));
  }
  const typed = Math.max(1, slots);
  const sum = [...best.values()].reduce((a, b) => a + b, 0);
  return sum * Math.sqrt(Math.min(best.size, typed) / typed);
}

/**
 * The search port over MySQL: the term index of search-index.ts in ordinary B-tree tables.
 *
 * A query is planned in the process (planQuery of the domain library: the typed words' Snowball
 * stems in the reader's language and English, typo corrections from the in-memory dictionary of
 * indexed words, synonyms) and answered with ONE SQL statement:
 *
 * 1. candidates: for each planned term, its best postings by weight for what the reader may be
 *    served (their locale, or English where the article has no translation in it), the first
 *    rows of (term, locale, weight, other_locales) index ranges with a LIMIT, answered by the
 *    index alone (list filters, when given, check each posting's document while reading, so the
 *    limit never drops the best match of a filter or a locale);
 * 2. a first score of each candidate from the postings read: for each typed word, the best of
 *    its alternatives (weight × match factor × rarity ln(1 + N/n)), summed over the words and
 *    multiplied by the root of the share of typed words matched (coordination); the best
 *    MAX_MATCHES kept;
 * 3. the best RESCORED_CANDIDATES of those scored exactly: their postings of the terms whose
 *    candidate list the limit may have cut short, read by primary key (a term held by no more
 *    documents than were read needs no lookup: a document absent from it does not hold it);
 * 4. joined to what a result shows (slug, served title, votes, reads of the last 30 days).
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

  async query(
    query: SearchTerms,
    locale: Locale,
    filters: ArticleFilters = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SearchResult> {
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
  async rank(
    query: SearchTerms,
    locale: Locale,
    filters: ArticleFilters = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchedArticle[]> {
    return (await this.query(query, locale, filters, manager)).matches;
  }

  async suggest(
    terms: readonly string[],
    locale: Locale,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchedArticle[]> {
    const plan = await this.plan(terms, locale, MAX_SUGGESTION_ALTERNATIVES);
    const kept = Math.max(limit * SUGGESTION_RESCORED_PER_RESULT, MIN_SUGGESTION_RESCORED);
    return (await this.rankPlan(plan, locale, {}, manager, SUGGESTION_CANDIDATES_PER_TERM, kept, kept)).slice(0, limit);
  }

  async autocomplete(text: string, locale: Locale, limit: number): Promise<Completion[]> {
    const typed = String(text ?? '')
      .normalize('NFC')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean);
    const prefix = foldForm(typed[typed.length - 1] ?? '');
    if (prefix.length === 0) return [];
    // the complete words before it must be in the document too (any of their stems)
    const complete = typed
      .slice(0, -1)
      .slice(-3)
      .map((word) => [...new Set(queryLanguages(locale).flatMap((l) => analyzeText(word, l).map((w) => w.stem)))])
      .filter((s) => s.length > 0);
    const dictionary = await this.dictionary.ready();
    const documents = (stems: readonly string[]) => stems.reduce((sum, stem) => sum + dictionary.documents(stem), 0);
    // with earlier words: driven by the rarest one's best postings (at most COMPLETION_DRIVER_POSTINGS
    // per stem and locale, read from the scope index in weight order), each checked for a title
    // word with the prefix and for the other earlier words; else by the title words with the prefix
    const rarest = [...complete].sort((x, y) => documents(x) - documents(y))[0];
    const others = complete.filter((stems) => stems !== rarest);
    const required = others.map(
      (stems) =>
        ` AND EXISTS (SELECT 1 FROM kb_search_posting q WHERE q.document_id = c.document_id AND q.term IN (${stems.map(() => '?').join(', ')}))`,
    );
    const ranges = (alias: string) =>
      locale === SOURCE_LOCALE
        ? [{ sql: `${alias}.locale = '${SOURCE_LOCALE}'`, params: [] as unknown[] }]
        : [
            { sql: `${alias}.locale = ?`, params: [locale] as unknown[] },
            { sql: `${alias}.locale = '${SOURCE_LOCALE}' AND FIND_IN_SET(?, ${alias}.other_locales) = 0`, params: [locale] as unknown[] },
          ];
    let candidates: { sql: string; params: unknown[] };
    if (rarest) {
      const parts = rarest.flatMap((stem) =>
        ranges('p').map((range) => ({
          sql: `(SELECT p.document_id FROM kb_search_posting p WHERE p.term = ? AND ${range.sql} ORDER BY p.weight DESC LIMIT ${COMPLETION_DRIVER_POSTINGS})`,
          params: [stem, ...range.params],
        })),
      );
      candidates = {
        sql: `SELECT r.document_id FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) r
               WHERE EXISTS (SELECT 1 FROM kb_search_title_word w WHERE w.document_id = r.document_id AND w.form LIKE ?)`,
        params: [...parts.flatMap((part) => part.params), likePrefix(prefix)],
      };
    } else {
      // FORCE INDEX: left alone, the optimizer reads every title word of the locale (ref on locale) instead of the (locale, form) range
      const on = ranges('w');
      candidates = {
        sql: on
          .map(
            (range) =>
              `(SELECT w.document_id FROM kb_search_title_word w FORCE INDEX (idx_kb_search_title_word_scope) WHERE ${range.sql} AND w.form LIKE ? LIMIT ${COMPLETION_CANDIDATES})`,
          )
          .join(' UNION ALL '),
        params: on.flatMap((range) => [...range.params, likePrefix(prefix)]),
      };
    }
    const rows: Array<{
      articleId: string;
      servedLocale: string;
      title: string;
      slug: string;
      helpfulVotes: number | string;
      notHelpfulVotes: number | string;
    }> = await this.dataSource.query(
      `SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes
           FROM (SELECT DISTINCT c.document_id FROM (${candidates.sql}) c WHERE TRUE${required.join('')} LIMIT ${COMPLETION_CANDIDATES}) k
           JOIN kb_search_document d ON d.id = k.document_id
           JOIN kb_article a ON a.id = d.article_id`,
      [...candidates.params, ...others.flat()],
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
      .sort(
        (a, b) =>
          b.whole - a.whole ||
          b.first - a.first ||
          b.helpfulness - a.helpfulness ||
          a.row.title.length - b.row.title.length ||
          (a.row.articleId < b.row.articleId ? -1 : 1),
      )
      .filter(({ row }) => !seen.has(row.articleId) && seen.add(row.articleId) !== undefined)
      .slice(0, limit)
      .map(({ row }) => ({ articleId: row.articleId, slug: row.slug, title: row.title, servedLocale: row.servedLocale as Locale }));
  }

  private async rankPlan(
    plan: QueryPlan,
    locale: Locale,
    filters: ArticleFilters,
    manager: EntityManager,
    perTerm: number,
    rescored = RESCORED_CANDIDATES,
    maxMatches = MAX_MATCHES,
  ): Promise<MatchedArticle[]> {
    if (plan.alternatives.length === 0) return [];
    const statement = matchStatement(plan, locale, filters, perTerm, rescored, maxMatches);
    const rows: MatchRow[] = await manager.query(statement.sql, statement.params);
    return rows
      .map((row) => {
        const helpfulVotes = Number(row.helpfulVotes);
        const notHelpfulVotes = Number(row.notHelpfulVotes);
        const rank = rankMatch({
          relevance: matchRelevance(row, plan.slots),
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

export function matchStatement(
  plan: QueryPlan,
  locale: Locale,
  filters: ArticleFilters,
  perTerm: number,
  rescored = RESCORED_CANDIDATES,
  maxMatches = MAX_MATCHES,
): { sql: string; params: unknown[] } {
  const terms = [...new Set(plan.alternatives.map((a) => a.term))];
  // 1. candidates: each term's best postings by weight for what the reader may be served, the
  //    first rows of (term, locale, weight, other_locales) index ranges, read from the index alone
  //    (the list filters, when given, check the document of each posting read)
  const candidates: string[] = [];
  const candidateParams: unknown[] = [];
  const filter = filterOnDocument(filters);
  const from = filter.sql ? 'kb_search_posting p STRAIGHT_JOIN kb_search_document d ON d.id = p.document_id' : 'kb_search_posting p';
  for (const term of terms) {
    const ranges: Array<{ sql: string; params: unknown[] }> =
      locale === SOURCE_LOCALE
        ? [{ sql: `p.locale = '${SOURCE_LOCALE}'`, params: [] }]
        : [
            { sql: 'p.locale = ?', params: [locale] },
            { sql: `p.locale = '${SOURCE_LOCALE}' AND FIND_IN_SET(?, p.other_locales) = 0`, params: [locale] },
          ];
    for (const range of ranges) {
      candidates.push(`(SELECT p.document_id, p.term, p.weight FROM ${from}
          WHERE p.term = ? AND ${range.sql}${filter.sql} ORDER BY p.weight DESC LIMIT ${perTerm})`);
      candidateParams.push(term, ...range.params, ...filter.params);
    }
  }
  // each alternative: its term, the typed word it stands for, and what a unit of weight is worth
  // through it (match factor × rarity ln(1 + N/n))
  const alternatives = plan.alternatives.map(
    () => `SELECT x.term, ? AS slot, ? * LN(1 + GREATEST(n.documents, 1) / GREATEST(x.documents, 1)) AS worth, x.documents > ${perTerm} AS cut
             FROM kb_search_term x JOIN kb_search_term n ON n.term = '${DOCUMENT_COUNT_TERM}' WHERE x.term = ?`,
  );
  const alternativeParams = plan.alternatives.flatMap((a) => [a.slot, a.factor, a.term]);
  const since = new Date(Date.now() - RECENT_VIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const slots = Math.max(1, plan.slots);
  const kept = Math.min(maxMatches, Math.max(1, rescored));
  // 2. f, k: a first score from the postings read (for each typed word its best alternative,
  //    summed, times the root of the share of typed words matched), the best `maxMatches` kept;
  // 3. k, y: the best `rescored` of those get, beside the postings read (seen), their postings of
  //    the terms the limit may have cut short (held by more documents than were read: t.cut),
  //    looked up by primary key (document, term); the process scores them exactly (matchRelevance);
  // 4. joined to what a result shows. Below the rescored ones a match keeps its first score,
  //    which is never above its exact one. Each CTE is read once (MariaDB evaluates one per
  //    reference); a NULL key skips the lookup for the rows that need none.
  const sql = `
    WITH t AS (${alternatives.join('\n UNION ALL ')}),
    c AS (${candidates.join('\n UNION ALL ')}),
    f AS (SELECT c.document_id, t.slot, MAX(c.weight * t.worth) AS best FROM c JOIN t ON t.term = c.term GROUP BY c.document_id, t.slot),
    g AS (
      SELECT f.document_id, SUM(f.best) * SQRT(LEAST(COUNT(*), ?) / ?) AS first, GROUP_CONCAT(f.slot, ':', f.best) AS seen
        FROM f GROUP BY f.document_id ORDER BY first DESC LIMIT ${maxMatches}
    ),
    k AS (SELECT g.document_id, g.first, g.seen, ROW_NUMBER() OVER (ORDER BY g.first DESC, g.document_id) AS pos FROM g),
    y AS (
      SELECT k.document_id, k.first, IF(k.pos <= ${kept}, k.seen, NULL) AS seen, GROUP_CONCAT(t.slot, ':', p.weight * t.worth) AS looked
        FROM k STRAIGHT_JOIN t
        LEFT JOIN kb_search_posting p ON p.document_id = IF(k.pos <= ${kept} AND t.cut, k.document_id, NULL) AND p.term = t.term
       GROUP BY k.document_id, k.first, k.seen, k.pos
    )
    SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, d.updated_at AS updatedAt,
           a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes, y.first AS relevance, y.seen, y.looked,
           (SELECT SUM(v.views) FROM kb_article_view_count v WHERE v.article_id = d.article_id AND v.day >= ?) AS recentViews
      FROM y
      JOIN kb_search_document d ON d.id = y.document_id
      JOIN kb_article a ON a.id = d.article_id`;
  return { sql, params: [...alternativeParams, ...candidateParams, slots, slots, since] };
}

/** The list filters on the document alias d (the reader's scope is on the postings). */
function filterOnDocument(filters: ArticleFilters): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
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
export function compareRanked(
  a: Pick<RankedArticle, 'articleId' | 'tier' | 'relevance'>,
  b: Pick<RankedArticle, 'articleId' | 'tier' | 'relevance'>,
): number {
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
