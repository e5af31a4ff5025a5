import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAX_QUERY_TERMS, planQuery, rankMatch, stemMatcher, titleMatch, type Locale, type QueryPlan } from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../environment';
import {
  CANDIDATES_PER_TERM,
  candidatesPerTerm,
  matchRelevance,
  matchStatement,
  MAX_MATCHES,
  MIN_SUGGESTION_RESCORED,
  RESCORED_CANDIDATES,
  SUGGESTION_CANDIDATES_PER_TERM,
  SUGGESTION_RESCORED_PER_RESULT,
  sqlServerOf,
  type MatchRow,
  type SqlServer,
} from './match-statement';
import { SearchDictionary } from './search-dictionary';
import { reindexArticle } from './search-index';
import { compareRanked } from './search-order';
import {
  SearchPort,
  type ArticleFilters,
  type Completion,
  type MatchedArticle,
  type SearchResult,
  type SearchTerms,
  type SuggestionRequest,
} from './search-port';
import {
  candidateStatement,
  cutPostings,
  exactScore,
  indexable,
  keptStatement,
  readCandidates,
  scoreCandidates,
  type KeptRow,
  type PlannedSuggestion,
  type ScoredTicket,
} from './suggestion-statements';
import { completeTitles } from './title-completion';

export type { ArticleFilters, MatchedArticle, RankedArticle, SearchTerms, SuggestionRequest } from './search-port';
export { CANDIDATES_PER_TERM, MAX_MATCHES, matchRelevance, matchStatement } from './match-statement';
export { compareRanked, filterSql } from './search-order';

/** alternatives (stems, corrections, synonyms) one search may look up */
const MAX_ALTERNATIVES = 12;
const MAX_SUGGESTION_ALTERNATIVES = 16;

/**
 * The search port over MySQL: the term index of search-index.ts in ordinary B-tree tables.
 *
 * A query is planned in the process (planQuery of the domain library: the typed words' Snowball
 * stems in the reader's language and English, typo corrections from the in-memory dictionary of
 * indexed words, synonyms) and answered with ONE SQL statement (matchStatement, match-statement.ts):
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
 * Autocomplete is title-completion.ts; the order of results and the list filters, search-order.ts.
 */
@Injectable()
export class MysqlSearchEngine extends SearchPort {
  private readonly dictionary: SearchDictionary;
  private sqlServer?: Promise<SqlServer>;

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

  /** MariaDB or MySQL: asked once per replica (the statement's hints differ). */
  private server(): Promise<SqlServer> {
    this.sqlServer ??= (this.dataSource.query('SELECT VERSION() AS version') as Promise<Array<{ version: string }>>).then(
      (rows) => sqlServerOf(String(rows[0]?.version ?? '')),
      (error: unknown) => {
        this.sqlServer = undefined;
        throw error;
      },
    );
    return this.sqlServer;
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
    return planQuery(terms.slice(0, MAX_QUERY_TERMS), locale, {
      dictionary,
      synonyms: dictionary.synonyms(),
      translations: dictionary.translations(),
      maxAlternatives,
    });
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

  /**
   * Suggestions for a run of tickets (or one typed question) in two statements whatever the
   * run's length (suggestion-statements.ts): candidates of every ticket; then the postings of
   * their best that the limit may have cut, with what the results show.
   */
  async suggest(
    requests: readonly SuggestionRequest[],
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchedArticle[][]> {
    const perTerm = SUGGESTION_CANDIDATES_PER_TERM;
    const kept = Math.max(limit * SUGGESTION_RESCORED_PER_RESULT, MIN_SUGGESTION_RESCORED);
    const planned: PlannedSuggestion[] = [];
    for (const request of requests)
      planned.push({ plan: await this.plan(request.terms, request.locale, MAX_SUGGESTION_ALTERNATIVES), locale: request.locale });
    // loops, not closures made per run (CONTRIBUTING.md, "Hot paths")
    const asked: PlannedSuggestion[] = [];
    for (const request of planned) if (indexable(request.plan).length > 0) asked.push(request);
    if (asked.length === 0) return planned.map(noMatches);

    const dictionary = await this.dictionary.ready();
    // read whole: a term the dictionary counts in a few documents. One it does not count (its forms
    // are too short to be kept for typo correction, or it is new) may be held by thousands: a LIMIT
    const candidateSql = candidateStatement(asked, perTerm, (term) => {
      const documents = dictionary.documents(term);
      return documents > 0 && documents <= perTerm;
    });
    const candidates = readCandidates(await manager.query(candidateSql.sql, candidateSql.params));
    const best = new Map<PlannedSuggestion, ScoredTicket>();
    for (const request of asked) best.set(request, scoreCandidates(request, candidates, perTerm, kept));

    const pairs = new Map<string, [number, string]>();
    const documentIds = new Set<number>();
    for (const scored of best.values()) {
      for (const pair of cutPostings(scored)) pairs.set(pair.join(' '), pair);
      for (const candidate of scored.kept) documentIds.add(candidate.documentId);
    }
    const { looked, details } = await this.readKept(manager, [...pairs.values()], [...documentIds]);
    const results: MatchedArticle[][] = [];
    for (const request of planned) {
      const scored = best.get(request);
      const matches: MatchedArticle[] = [];
      if (scored) {
        for (const candidate of scored.kept) {
          const row = details.get(candidate.documentId);
          if (!row) continue;
          const match = matchedArticle(request.plan, row, exactScore(candidate, scored.worths, request.plan.slots, looked));
          if (match.relevance > 0) matches.push(match);
        }
      }
      results.push(matches.sort(compareRanked).slice(0, limit));
    }
    return results;
  }

  /** The second statement of a run's suggestions: the cut postings looked up, and what the kept documents show. */
  private async readKept(
    manager: EntityManager,
    pairs: Array<[number, string]>,
    documentIds: number[],
  ): Promise<{ looked: Map<string, number>; details: Map<number, KeptRow> }> {
    const looked = new Map<string, number>();
    const details = new Map<number, KeptRow>();
    if (documentIds.length === 0) return { looked, details };
    const statement = keptStatement(pairs, documentIds);
    for (const row of (await manager.query(statement.sql, statement.params)) as KeptRow[]) {
      if (row.kind === 'l') looked.set(`${row.documentId} ${row.term}`, Number(row.weight));
      else details.set(Number(row.documentId), row);
    }
    return { looked, details };
  }

  async autocomplete(text: string, locale: Locale, limit: number): Promise<Completion[]> {
    return completeTitles(this.dataSource, await this.dictionary.ready(), text, locale, limit);
  }

  private async rankPlan(
    plan: QueryPlan,
    locale: Locale,
    filters: ArticleFilters,
    manager: EntityManager,
    perTerm: number,
  ): Promise<MatchedArticle[]> {
    if (plan.alternatives.length === 0) return [];
    const statement = matchStatement(plan, locale, filters, perTerm, RESCORED_CANDIDATES, MAX_MATCHES, await this.server());
    const rows: MatchRow[] = await manager.query(statement.sql, statement.params);
    return rows
      .map((row) => matchedArticle(plan, row, matchRelevance(row, plan.slots)))
      .filter((r) => r.relevance > 0)
      .sort(compareRanked);
  }
}

/** A matched row as a ranked result: its relevance raised for title matches and, capped, for votes and recent reads (rankMatch). */
function matchedArticle(plan: QueryPlan, row: Omit<MatchRow, 'relevance' | 'seen' | 'looked'>, relevance: number): MatchedArticle {
  const helpfulVotes = Number(row.helpfulVotes);
  const notHelpfulVotes = Number(row.notHelpfulVotes);
  const rank = rankMatch({
    relevance,
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
}

function noMatches(): MatchedArticle[] {
  return [];
}
