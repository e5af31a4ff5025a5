import type { ArticleFilters, RankedArticle } from './search-port';

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
