import { RECENT_VIEW_DAYS, SOURCE_LOCALE, type Locale, type QueryPlan } from '@support/domain-knowledge';
import { DOCUMENT_COUNT_TERM } from './search-index';
import type { ArticleFilters } from './search-port';

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
export const SUGGESTION_RESCORED_PER_RESULT = 4;
export const MIN_SUGGESTION_RESCORED = 20;
/** kb_search_term.term is a VARCHAR(64): a longer term is in no index, so it is left out of the table of alternatives */
export const TERM_CHARS = 64;
export interface MatchRow {
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
  return slotScore(best, slots);
}

/** a slot number beyond any plan's (they hold at most a few dozen alternatives): slotScore sorts instead */
const MAX_SLOT = 1_000;

/**
 * The score of a document's best worth per typed word (slot): the worths summed in slot order,
 * × √(share of typed words matched). Slot order: the lists come in whatever order the server's
 * plan produced them, and a floating-point sum in another order can differ in its last bit.
 */
export function slotScore(best: ReadonlyMap<number, number>, slots: number): number {
  const typed = Math.max(1, slots);
  // slots are a plan's word positions (small whole numbers): counted up rather than sorted, which
  // allocates nothing (a ticket's twenty rescored candidates each sorted a copy of their entries)
  let last = -1;
  let small = true;
  for (const slot of best.keys()) {
    if (Number.isSafeInteger(slot) && slot >= 0 && slot <= MAX_SLOT) last = Math.max(last, slot);
    else small = false;
  }
  let sum = 0;
  if (!small) for (const slot of [...best.keys()].sort((a, b) => a - b)) sum += best.get(slot) ?? 0;
  else
    for (let slot = 0; slot <= last; slot += 1) {
      const worth = best.get(slot);
      if (worth !== undefined) sum += worth;
    }
  return sum * Math.sqrt(Math.min(best.size, typed) / typed);
}

/** A range of postings a reader may be served: their own locale's, or English where an article lacks it. */
export interface PostingRange {
  /** names the range among those of a statement */
  key: string;
  /** the condition on the posting alias p */
  sql: string;
  params: unknown[];
}

/**
 * The ranges a term of a plan is read in: an English reader's English; else the reader's locale
 * and the English articles without a translation in it; only the latter for a term the plan
 * holds only as an English translation of the reader's word (looked for in the English articles
 * they are served, not in their own language's).
 */
export function termRanges(plan: QueryPlan, locale: Locale, term: string): PostingRange[] {
  if (locale === SOURCE_LOCALE) return [{ key: SOURCE_LOCALE, sql: `p.locale = '${SOURCE_LOCALE}'`, params: [] }];
  const fallback = {
    key: `${SOURCE_LOCALE}-${locale}`,
    sql: `p.locale = '${SOURCE_LOCALE}' AND FIND_IN_SET(?, p.other_locales) = 0`,
    params: [locale],
  };
  const translationOnly = plan.alternatives.every((a) => a.term !== term || a.kind === 'translation');
  return translationOnly ? [fallback] : [{ key: locale, sql: 'p.locale = ?', params: [locale] }, fallback];
}

/** A term's rarity ln(1 + N/n) in SQL, from its count row and the documents' count row (aliases). */
export function rarity(term: string, all: string): string {
  return `LN(1 + GREATEST(${all}.documents, 1) / GREATEST(${term}.documents, 1))`;
}

/** Candidates read per term: the budget shared among the plan's terms, within [MIN_CANDIDATES_PER_TERM, max]. */
export function candidatesPerTerm(plan: QueryPlan, max: number): number {
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
  server: SqlServer = 'mysql',
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
    const ranges = termRanges(plan, locale, term);
    for (const range of ranges) {
      candidates.push(`(SELECT p.document_id, p.term, p.weight FROM ${from}
          WHERE p.term = ? AND ${range.sql}${filter.sql} ORDER BY p.weight DESC LIMIT ${perTerm})`);
      candidateParams.push(term, ...range.params, ...filter.params);
    }
  }
  // each alternative: its term, the typed word it stands for, and what a unit of weight is worth
  // through it (match factor × rarity ln(1 + N/n)). The alternatives come as ONE constant table
  // (JSON_TABLE: the same syntax on MariaDB and MySQL 8) joined to the term counts by key: one
  // sub-select per alternative, each joining the counts twice, cost MariaDB more to optimise
  // than to run. The counts stay in SQL rather than the in-memory dictionary: read in the
  // statement's own snapshot, as the postings are, `cut` never misses a posting the limit cut.
  // Its LIMIT (one row at most per alternative: never reached) keeps the server from merging t
  // into f and the lookups, where its join would run again for every match; it is read once.
  const alternatives = plan.alternatives.filter((a) => [...a.term].length <= TERM_CHARS).map((a) => [a.term, a.slot, a.factor]);
  const since = new Date(Date.now() - RECENT_VIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const slots = Math.max(1, plan.slots);
  const kept = Math.min(maxMatches, Math.max(1, rescored));
  // 2. f, g: a first score from the postings read (for each typed word its best alternative,
  //    summed, times the root of the share of typed words matched), the best `maxMatches` kept,
  //    numbered best first (ties by document id) in the same step;
  // 3. the best `rescored` of those get, beside the postings read (seen), their postings of the
  //    terms the limit may have cut short (held by more documents than were read: t.cut), looked
  //    up by primary key (document, term) in a subquery per match; the process scores them
  //    exactly (matchRelevance). (A subquery, not a join of every match to every alternative
  //    grouped again: on a small help center that grouping was a quarter of the statement.)
  // 4. joined to what a result shows. Below the rescored ones a match keeps its first score,
  //    which is never above its exact one. Each CTE but the small t is read once (MariaDB
  //    evaluates one per reference). The joins start from g (at most `maxMatches` rows, each
  //    document and article read by key): left to itself MariaDB reads every article of a small
  //    help center first.
  // On MariaDB the "slot:worth" lists are VARCHARs (group_concat_max_len ≤ 512) so that it keeps
  // the CTEs' temporary tables in memory: a TEXT column sends each of them to an on-disk Aria
  // table. (MySQL 8's TempTable engine keeps TEXT in memory, and it has no SET STATEMENT.)
  const prefix = server === 'mariadb' ? `SET STATEMENT group_concat_max_len = ${concatLength(plan.alternatives.length)} FOR` : '';
  const sql = `${prefix}
    WITH t AS (
      SELECT x.term, q.slot, q.factor * ${rarity('x', 'n')} AS worth, x.documents > ${perTerm} AS cut
        FROM JSON_TABLE(?, '$[*]' COLUMNS (term VARCHAR(${TERM_CHARS}) PATH '$[0]', slot INT PATH '$[1]', factor DOUBLE PATH '$[2]')) q
        JOIN kb_search_term x ON x.term = CONVERT(q.term USING utf8mb4) COLLATE utf8mb4_bin
        JOIN kb_search_term n ON n.term = '${DOCUMENT_COUNT_TERM}'
       LIMIT ${alternatives.length}
    ),
    c AS (${candidates.join('\n UNION ALL ')}),
    f AS (SELECT c.document_id, t.slot, MAX(c.weight * t.worth) AS best FROM c JOIN t ON t.term = c.term GROUP BY c.document_id, t.slot),
    g AS (
      SELECT f.document_id, SUM(f.best) * SQRT(LEAST(COUNT(*), ?) / ?) AS first, GROUP_CONCAT(f.slot, ':', f.best) AS seen,
             ROW_NUMBER() OVER (ORDER BY SUM(f.best) * SQRT(LEAST(COUNT(*), ?) / ?) DESC, f.document_id) AS pos
        FROM f GROUP BY f.document_id ORDER BY pos LIMIT ${maxMatches}
    )
    SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, d.updated_at AS updatedAt,
           a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes, g.first AS relevance,
           IF(g.pos <= ${kept}, g.seen, NULL) AS seen,
           (SELECT GROUP_CONCAT(t.slot, ':', p.weight * t.worth) FROM t JOIN kb_search_posting p ON p.document_id = g.document_id AND p.term = t.term
             WHERE t.cut AND g.pos <= ${kept}) AS looked,
           (SELECT SUM(v.views) FROM kb_article_view_count v WHERE v.article_id = d.article_id AND v.day >= ?) AS recentViews
      FROM g
      STRAIGHT_JOIN kb_search_document d ON d.id = g.document_id
      STRAIGHT_JOIN kb_article a ON a.id = d.article_id`;
  return { sql, params: [JSON.stringify(alternatives), ...candidateParams, slots, slots, slots, slots, since] };
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

/** The server a statement is written for: MariaDB's SET STATEMENT is not MySQL's. */
export type SqlServer = 'mariadb' | 'mysql';

/** The server behind a VERSION() answer. */
export function sqlServerOf(version: string): SqlServer {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/** Longest "slot:worth," entry of a GROUP_CONCAT list (a 3-digit slot, a DOUBLE printed in full). */
const CONCAT_ENTRY_CHARS = 28;
/** Above this, MariaDB types GROUP_CONCAT as TEXT (and materializes it on disk). */
const VARCHAR_CONCAT_LENGTH = 512;

/** A group_concat_max_len that never cuts a list of one entry per alternative, and stays a VARCHAR when it can. */
export function concatLength(alternatives: number): number {
  return Math.max(VARCHAR_CONCAT_LENGTH, alternatives * CONCAT_ENTRY_CHARS);
}
