import { RECENT_VIEW_DAYS, type Locale, type QueryAlternative, type QueryPlan } from '@support/domain-knowledge';
import { rarity, slotScore, TERM_CHARS, termRanges, type PostingRange } from './match-statement';
import { DOCUMENT_COUNT_TERM } from './search-index';

/**
 * Ticket suggestions for a run of tickets in two statements, whatever the run's length (issue
 * 9: a consumer batch of new tickets costs one set of statements, not one statement each). The
 * reader's search keeps its one statement (match-statement.ts), whose steps these follow with
 * the scoring moved into the process:
 *
 * 1. candidates (candidateStatement): every term's document count and rarity, then each term's
 *    best postings by weight in each range of documents a ticket of the run may be served. A term
 *    the dictionary counts in no more documents than are read per term needs no LIMIT, so all such
 *    terms of one range share one IN list; every other (term, range) is a branch of its own with
 *    ORDER BY weight DESC LIMIT. A (term, range) asked by several tickets is read once.
 * 2. first scores in the process (scoreCandidates): for each typed word the best of its
 *    alternatives (weight × factor × rarity), summed, × √(share of typed words matched), as the
 *    search statement's f and g compute them; the best `kept` per ticket, ties by document id.
 * 3. and 4. in one statement for every kept document of the run (keptStatement): their postings
 *    of the terms the limit may have cut (held by more documents than were read), by primary key,
 *    so each is scored exactly (exactScore), and what a result shows.
 */

/** A ticket's planned words in the language it is written in. */
export interface PlannedSuggestion {
  plan: QueryPlan;
  locale: Locale;
}

/**
 * What a ticket's plan looks up, worked out once per plan (a run asks for it three times a ticket:
 * which tickets are asked, the candidate statement, the first scores). Plans are never changed
 * once made (planQuery), so an answer holds for the plan's life.
 */
const planLookups = new WeakMap<QueryPlan, PlanLookups>();

interface PlanLookups {
  indexable: readonly QueryAlternative[];
  /** the ranges of each indexable term, for the locale they were worked out for */
  ranges?: Map<string, PostingRange[]>;
  locale?: Locale;
}

function lookupsOf(plan: QueryPlan): PlanLookups {
  let lookups = planLookups.get(plan);
  if (!lookups) planLookups.set(plan, (lookups = { indexable: plan.alternatives.filter(fitsIndex) }));
  return lookups;
}

/** The alternatives a plan looks up (indexable terms only). */
export function indexable(plan: QueryPlan): readonly QueryAlternative[] {
  return lookupsOf(plan).indexable;
}

/** Module-level, as the predicates below (CONTRIBUTING.md, "Hot paths"). */
function fitsIndex(alternative: { term: string }): boolean {
  // no more UTF-16 units than the column has characters: no more characters either
  return alternative.term.length <= TERM_CHARS || [...alternative.term].length <= TERM_CHARS;
}

/** The ranges each indexable term of a plan is read in (termRanges, as the search statement reads them). */
function rangesOf(plan: QueryPlan, locale: Locale): ReadonlyMap<string, PostingRange[]> {
  const lookups = lookupsOf(plan);
  if (lookups.ranges && lookups.locale === locale) return lookups.ranges;
  const ranges = new Map<string, PostingRange[]>();
  for (const { term } of lookups.indexable) if (!ranges.has(term)) ranges.set(term, termRanges(plan, locale, term));
  lookups.ranges = ranges;
  lookups.locale = locale;
  return ranges;
}

export interface CandidateRow {
  /** 't': a term's count (value = rarity ln(1 + N/n)); 'p': a posting (value = its weight) */
  kind: 't' | 'p';
  term: string;
  documentId: number | null;
  value: number | string;
  documents: number | string | null;
  scope: string | null;
}

/**
 * Statement 1: the counts of every term of the run, and the candidate postings of each
 * (term, range) the run asks for. `fewDocuments(term)` says the dictionary counts the term in no
 * more than `perTerm` documents: read whole, in one IN list per range. (It must say no for a term
 * it does not count: at 100,000 articles a short word's whole list made a suggestion's p95 ten
 * times slower.) Weights come as DOUBLE so that the process multiplies the very values the
 * search statement would.
 */
export function candidateStatement(
  requests: readonly PlannedSuggestion[],
  perTerm: number,
  fewDocuments: (term: string) => boolean,
): { sql: string; params: unknown[] } {
  const terms = new Set<string>();
  const whole = new Map<string, { range: PostingRange; terms: Set<string> }>();
  const limited = new Map<string, { range: PostingRange; term: string }>();
  for (const { plan, locale } of requests) {
    for (const [term, ranges] of rangesOf(plan, locale)) {
      terms.add(term);
      for (const range of ranges) {
        if (fewDocuments(term)) {
          const entry = whole.get(range.key) ?? { range, terms: new Set<string>() };
          entry.terms.add(term);
          whole.set(range.key, entry);
        } else limited.set(`${range.key} ${term}`, { range, term });
      }
    }
  }
  const branches = [
    `(SELECT 't' AS kind, x.term, NULL AS documentId, ${rarity('x', 'n')} AS value, x.documents, NULL AS scope
        FROM kb_search_term x JOIN kb_search_term n ON n.term = '${DOCUMENT_COUNT_TERM}' WHERE x.term IN (?))`,
  ];
  const params: unknown[] = [[...terms]];
  for (const { range, terms: few } of whole.values()) {
    branches.push(
      `(SELECT 'p', p.term, p.document_id, CAST(p.weight AS DOUBLE), NULL, ? FROM kb_search_posting p WHERE p.term IN (?) AND ${range.sql})`,
    );
    params.push(range.key, [...few], ...range.params);
  }
  for (const { range, term } of limited.values()) {
    branches.push(
      `(SELECT 'p', p.term, p.document_id, CAST(p.weight AS DOUBLE), NULL, ? FROM kb_search_posting p WHERE p.term = ? AND ${range.sql} ORDER BY p.weight DESC LIMIT ${perTerm})`,
    );
    params.push(range.key, term, ...range.params);
  }
  return { sql: branches.join('\n UNION ALL '), params };
}

/** What the candidate statement read, by term and by (range, term). */
export interface Candidates {
  /** rarity ln(1 + N/n) and document count of each indexed term */
  terms: Map<string, { rarity: number; documents: number }>;
  postings: Map<string, Array<{ documentId: number; weight: number }>>;
}

export function readCandidates(rows: readonly CandidateRow[]): Candidates {
  const terms = new Map<string, { rarity: number; documents: number }>();
  const postings = new Map<string, Array<{ documentId: number; weight: number }>>();
  for (const row of rows) {
    if (row.kind === 't') terms.set(row.term, { rarity: Number(row.value), documents: Number(row.documents) });
    else {
      const key = `${row.scope} ${row.term}`;
      const list = postings.get(key) ?? [];
      list.push({ documentId: Number(row.documentId), weight: Number(row.value) });
      postings.set(key, list);
    }
  }
  return { terms, postings };
}

/** A kept candidate of one ticket: its best worth per typed word's slot, from the postings read. */
export interface ScoredCandidate {
  documentId: number;
  best: Map<number, number>;
}

/** A ticket's first scoring: the worth of each of its alternatives, and its best candidates. */
export interface ScoredTicket {
  worths: Worth[];
  kept: ScoredCandidate[];
}

/** Worth of a unit of weight through an alternative: its factor × the term's rarity (as the search statement's t). */
export interface Worth {
  term: string;
  slot: number;
  worth: number;
  cut: boolean;
}

function worthsOf(plan: QueryPlan, candidates: Candidates, perTerm: number): Worth[] {
  const worths: Worth[] = [];
  for (const alternative of indexable(plan)) {
    const counted = candidates.terms.get(alternative.term);
    // a term no document holds is in no count row: the search statement's join drops it too
    if (counted)
      worths.push({
        term: alternative.term,
        slot: alternative.slot,
        worth: alternative.factor * counted.rarity,
        cut: counted.documents > perTerm,
      });
  }
  return worths;
}

/**
 * The first score of a ticket's candidates and the best `kept` of them, best first (ties by
 * document id): for each typed word the best of its alternatives, summed, × √(share of the typed
 * words matched). The share is divided to four decimals as MariaDB and MySQL divide integers in the
 * search statement, so both cut their candidates at the same place.
 */
export function scoreCandidates(request: PlannedSuggestion, candidates: Candidates, perTerm: number, kept: number): ScoredTicket {
  const ranges = rangesOf(request.plan, request.locale);
  const worths = worthsOf(request.plan, candidates, perTerm);
  const found = new CandidateWorths();
  for (const { term, slot, worth } of worths) {
    for (const range of ranges.get(term) ?? []) {
      for (const posting of candidates.postings.get(`${range.key} ${term}`) ?? [])
        found.offer(posting.documentId, slot, posting.weight * worth);
    }
  }
  const slots = Math.max(1, request.plan.slots);
  const scored: Array<{ documentId: number; row: number; first: number }> = [];
  for (let row = 0; row < found.documentIds.length; row += 1)
    scored.push({ documentId: found.documentIds[row], row, first: found.firstScore(row, slots) });
  scored.sort(byFirstScore);
  const keptCandidates: ScoredCandidate[] = [];
  for (let index = 0; index < scored.length && index < kept; index += 1)
    keptCandidates.push({ documentId: scored[index].documentId, best: found.best(scored[index].row) });
  return { worths, kept: keptCandidates };
}

/**
 * Each candidate document's best worth per slot, in the order its slots were first matched, as
 * entries chained per document in flat lists: a Map per document was most of the bytes a ticket's
 * first scoring allocated. A document is known by its row, in the order it was first offered.
 */
class CandidateWorths {
  /** each row's document */
  readonly documentIds: number[] = [];
  private readonly rows = new Map<number, number>();
  private readonly firstEntry: number[] = [];
  private readonly lastEntry: number[] = [];
  private readonly entrySlot: number[] = [];
  private readonly entryWorth: number[] = [];
  private readonly nextEntry: number[] = [];

  /** The document's worth for the slot: the larger of what it had (0 at first) and `value`. */
  offer(documentId: number, slot: number, value: number): void {
    let row = this.rows.get(documentId);
    if (row === undefined) {
      row = this.documentIds.length;
      this.rows.set(documentId, row);
      this.documentIds.push(documentId);
      this.firstEntry.push(-1);
      this.lastEntry.push(-1);
    }
    let entry = this.firstEntry[row];
    while (entry !== -1 && this.entrySlot[entry] !== slot) entry = this.nextEntry[entry];
    if (entry !== -1) {
      this.entryWorth[entry] = Math.max(this.entryWorth[entry], value);
      return;
    }
    entry = this.entrySlot.length;
    this.entrySlot.push(slot);
    this.entryWorth.push(Math.max(0, value));
    this.nextEntry.push(-1);
    if (this.lastEntry[row] === -1) this.firstEntry[row] = entry;
    else this.nextEntry[this.lastEntry[row]] = entry;
    this.lastEntry[row] = entry;
  }

  /**
   * A row's first score: its worths summed in the order they were found, × √(share of the `slots`
   * typed words matched), the share divided to four decimals as the search statement divides it.
   */
  firstScore(row: number, slots: number): number {
    let sum = 0;
    let matched = 0;
    for (let entry = this.firstEntry[row]; entry !== -1; entry = this.nextEntry[entry]) {
      sum += this.entryWorth[entry];
      matched += 1;
    }
    return sum * Math.sqrt(Math.round((Math.min(matched, slots) * 10_000) / slots) / 10_000);
  }

  /** A row's worths by slot, in the order they were found. */
  best(row: number): Map<number, number> {
    const best = new Map<number, number>();
    for (let entry = this.firstEntry[row]; entry !== -1; entry = this.nextEntry[entry])
      best.set(this.entrySlot[entry], this.entryWorth[entry]);
    return best;
  }
}

/** Best first score first, then by document (module-level: see CONTRIBUTING.md, "Hot paths"). */
function byFirstScore(a: { documentId: number; first: number }, b: { documentId: number; first: number }): number {
  return b.first - a.first || a.documentId - b.documentId;
}

/** The (document, term) postings to look up for a ticket's kept candidates: the terms the limit may have cut. */
export function cutPostings({ worths, kept }: ScoredTicket): Array<[number, string]> {
  const cut = new Set<string>();
  for (const worth of worths) if (worth.cut) cut.add(worth.term);
  const postings: Array<[number, string]> = [];
  for (const candidate of kept) for (const term of cut) postings.push([candidate.documentId, term]);
  return postings;
}

/**
 * A kept candidate's exact score: its postings read and those looked up, for each typed word
 * the best, summed in slot order, × √(share of typed words matched) (slotScore, as matchRelevance scores a rescored match).
 */
export function exactScore(
  candidate: ScoredCandidate,
  worths: readonly Worth[],
  slots: number,
  looked: ReadonlyMap<string, number>,
): number {
  // the first scoring's worths, copied only when a posting looked up adds to them
  let best: Map<number, number> | undefined;
  for (const { term, slot, worth, cut } of worths) {
    const weight = cut ? looked.get(`${candidate.documentId} ${term}`) : undefined;
    if (weight === undefined) continue;
    best ??= new Map(candidate.best);
    best.set(slot, Math.max(best.get(slot) ?? 0, weight * worth));
  }
  return slotScore(best ?? candidate.best, slots);
}

/** A row of the kept statement: a posting looked up ('l') or what a result shows ('d'). */
export interface KeptRow {
  kind: 'l' | 'd';
  documentId: number | string;
  term: string | null;
  weight: number | string | null;
  articleId: string;
  servedLocale: string;
  title: string;
  slug: string;
  updatedAt: Date;
  helpfulVotes: number | string;
  notHelpfulVotes: number | string;
  recentViews: number | string | null;
}

/**
 * Statement 2, for the kept candidates of the whole run: their postings of the terms the limit
 * may have cut, by primary key (document, term), and what a result shows of each. The pairs come
 * as one constant table (JSON_TABLE) joined by key: a row-constructor IN list of them cost
 * MariaDB's range optimiser more with every pair (three times as much for a run of ten tickets).
 * One statement, not two: on this kind of machine a round trip costs the process as much CPU as
 * the scoring of a ticket.
 */
export function keptStatement(
  pairs: ReadonlyArray<[number, string]>,
  documentIds: readonly number[],
  now = Date.now(),
): { sql: string; params: unknown[] } {
  const since = new Date(now - RECENT_VIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const details = `(SELECT 'd' AS kind, d.id AS documentId, NULL AS term, NULL AS weight, d.article_id AS articleId, d.locale AS servedLocale,
            d.title, a.slug, d.updated_at AS updatedAt, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes,
            (SELECT SUM(v.views) FROM kb_article_view_count v WHERE v.article_id = d.article_id AND v.day >= ?) AS recentViews
       FROM kb_search_document d STRAIGHT_JOIN kb_article a ON a.id = d.article_id
      WHERE d.id IN (?))`;
  if (pairs.length === 0) return { sql: details, params: [since, documentIds] };
  const lookups = `(SELECT 'l' AS kind, p.document_id AS documentId, p.term, CAST(p.weight AS DOUBLE) AS weight, NULL AS articleId, NULL AS servedLocale,
            NULL AS title, NULL AS slug, NULL AS updatedAt, NULL AS helpfulVotes, NULL AS notHelpfulVotes, NULL AS recentViews
       FROM JSON_TABLE(?, '$[*]' COLUMNS (document_id INT UNSIGNED PATH '$[0]', term VARCHAR(${TERM_CHARS}) PATH '$[1]')) q
       STRAIGHT_JOIN kb_search_posting p ON p.document_id = q.document_id AND p.term = CONVERT(q.term USING utf8mb4) COLLATE utf8mb4_bin)`;
  return { sql: `${lookups}\n UNION ALL ${details}`, params: [JSON.stringify(pairs), since, documentIds] };
}
