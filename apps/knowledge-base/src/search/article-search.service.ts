import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareArticleScores, isStopWord, scoreArticle, SOURCE_LOCALE, toBooleanModeQuery,
  type ArticleKind, type Audience, type Locale,
} from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';

export interface ArticleFilters {
  /** category slug or id */
  category?: string;
  kind?: ArticleKind;
  audience?: Audience;
}

export interface SearchTerms {
  terms: readonly string[];
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

/** How much more a word of the title (or an error code) counts than a word of the body. */
export const TITLE_WEIGHT = 3;
// Tokens below the FULLTEXT minimum are matched with LIKE on word starts and count this much,
// about what a single FULLTEXT hit of a rare word scores.
const SHORT_TERM_SCORE = 1;
// Enough for any real query on a help center; the best-scored rows are kept when there are more.
const CANDIDATE_LIMIT = 1000;

interface CandidateRow {
  articleId: string;
  servedLocale: string;
  helpfulVotes: number | string;
  notHelpfulVotes: number | string;
  updatedAt: Date;
  titleScore: number | string | null;
  bodyScore: number | string | null;
}

/**
 * Keyword search over what each reader is served: an article's translation in the reader's
 * locale where one exists, its English source otherwise. So a Russian reader finds translated
 * articles by Russian words and untranslated ones by English words. MariaDB FULLTEXT (InnoDB,
 * boolean mode, every word as a prefix) finds and scores words of at least
 * innodb_ft_min_token_size characters; shorter ones ("tv", "hd") go through LIKE on the stored
 * word list. Titles weigh TITLE_WEIGHT times the body; ties go to the more helpful, then the more
 * recently updated article (compareArticleScores), then to the id, so the order is total and a
 * cursor can resume it.
 */
@Injectable()
export class ArticleSearchService {
  private minTokenLength: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rank(
    query: SearchTerms,
    locale: Locale,
    filters: ArticleFilters = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RankedArticle[]> {
    const minTokenLength = await this.ftMinTokenLength();
    const booleanQuery = toBooleanModeQuery(query.terms, { mode: 'any', phrase: query.phrase, minTokenLength });
    const shortTerms = [...new Set(query.terms)].filter((t) => [...t].length < minTokenLength && !isStopWord(t)).slice(0, 10);
    if (booleanQuery === '' && shortTerms.length === 0) return [];

    const params: unknown[] = [];
    const titleParts: string[] = [];
    const bodyParts: string[] = [];
    const matchParts: string[] = [];
    if (booleanQuery !== '') {
      titleParts.push('MATCH (t.search_title) AGAINST (? IN BOOLEAN MODE)');
      bodyParts.push('MATCH (t.search_body) AGAINST (? IN BOOLEAN MODE)');
    }
    for (let i = 0; i < shortTerms.length; i += 1) {
      titleParts.push(`${SHORT_TERM_SCORE} * (t.search_title LIKE ?)`);
      bodyParts.push(`${SHORT_TERM_SCORE} * (t.search_body LIKE ?)`);
    }
    if (booleanQuery !== '') params.push(booleanQuery);
    params.push(...shortTerms.map(wordStart));
    if (booleanQuery !== '') params.push(booleanQuery);
    params.push(...shortTerms.map(wordStart));

    params.push(locale, locale);
    if (booleanQuery !== '') {
      matchParts.push('MATCH (t.search_title, t.search_body) AGAINST (? IN BOOLEAN MODE)');
      params.push(booleanQuery);
    }
    for (const term of shortTerms) {
      matchParts.push('t.search_title LIKE ? OR t.search_body LIKE ?');
      params.push(wordStart(term), wordStart(term));
    }
    const filter = filterSql(filters);
    params.push(...filter.params, CANDIDATE_LIMIT);

    const rows: CandidateRow[] = await manager.query(
      `SELECT * FROM (
         SELECT a.id AS articleId, t.locale AS servedLocale, a.helpful_votes AS helpfulVotes,
                a.not_helpful_votes AS notHelpfulVotes, t.updated_at AS updatedAt,
                ${titleParts.join(' + ')} AS titleScore,
                ${bodyParts.join(' + ')} AS bodyScore
           FROM kb_article a
           JOIN kb_section s ON s.id = a.section_id
           JOIN kb_category c ON c.id = s.category_id
           JOIN kb_article_translation t ON t.article_id = a.id
            AND t.locale = IF(EXISTS (SELECT 1 FROM kb_article_translation r WHERE r.article_id = a.id AND r.locale = ?), ?, '${SOURCE_LOCALE}')
          WHERE a.status = 'published' AND (${matchParts.join(' OR ')})${filter.sql}
       ) ranked
       ORDER BY ${TITLE_WEIGHT} * titleScore + bodyScore DESC, articleId
       LIMIT ?`,
      params,
    );
    const ranked = rows.map((row) => ({
      articleId: row.articleId,
      servedLocale: row.servedLocale as Locale,
      relevance: round(TITLE_WEIGHT * Number(row.titleScore ?? 0) + Number(row.bodyScore ?? 0)),
      helpfulVotes: Number(row.helpfulVotes),
      notHelpfulVotes: Number(row.notHelpfulVotes),
      updatedAt: new Date(row.updatedAt),
    }));
    return ranked.filter((r) => r.relevance > 0).sort(compareRanked);
  }

  /**
   * The server's innodb_ft_min_token_size: words shorter than it are not in the index, so the
   * search sends them through LIKE instead of matching nothing.
   */
  private ftMinTokenLength(): Promise<number> {
    this.minTokenLength ??= this.dataSource
      .query('SELECT @@innodb_ft_min_token_size AS n')
      .then((rows: Array<{ n: number | string }>) => Number(rows[0]?.n) || 3)
      .catch((error: unknown) => {
        this.minTokenLength = null;
        throw error;
      });
    return this.minTokenLength;
  }
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

// Searchable words hold only letters, digits and marks; the escapes are for safety's sake.
function wordStart(term: string): string {
  return `% ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// MariaDB scores in single precision; rounding keeps equal matches equal across queries.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
