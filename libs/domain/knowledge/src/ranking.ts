import { plainText } from './plain-text';
import { isStopWord } from './stop-words';
import { foldWord, searchableWords, words } from './words';

export interface ArticleScoreInput {
  /** The search index's relevance for the query (see termRarity); higher is better. */
  relevance: number;
  updatedAt: Date;
  helpfulVotes: number;
  notHelpfulVotes: number;
  now: Date;
}

export interface ArticleScore {
  relevance: number;
  /** Lower bound of the share of readers who found the article helpful (0..1). */
  helpfulness: number;
  /** Days since the last update, never negative. */
  ageDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// 95 % confidence: an article needs a fair number of votes before its share is trusted.
const WILSON_Z = 1.96;

/**
 * Lower bound of the Wilson score interval for `positive` out of `total` votes: the share of
 * helpful votes we can be confident of, which ranks 40/50 above 1/1.
 */
export function wilsonLowerBound(positive: number, total: number, z = WILSON_Z): number {
  if (total <= 0) return 0;
  const p = positive / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}

function count(votes: number): number {
  return Number.isFinite(votes) ? Math.max(0, Math.floor(votes)) : 0;
}

/**
 * The parts an article is ranked by for one query. Votes are counted with one neutral vote each
 * way, so an article nobody has rated yet sits between well-liked and disliked ones instead of
 * below both.
 */
export function scoreArticle(input: ArticleScoreInput): ArticleScore {
  const helpful = count(input.helpfulVotes) + 1;
  const notHelpful = count(input.notHelpfulVotes) + 1;
  const relevance = Number.isFinite(input.relevance) ? Math.max(0, input.relevance) : 0;
  const ageMs = input.now.getTime() - input.updatedAt.getTime();
  return {
    relevance,
    helpfulness: wilsonLowerBound(helpful, helpful + notHelpful),
    ageDays: Number.isFinite(ageMs) ? Math.max(0, ageMs / DAY_MS) : Number.POSITIVE_INFINITY,
  };
}

// Relevance is a float computed by the database; values this close are the same match.
const RELEVANCE_TOLERANCE = 1e-6;

/**
 * Sort comparator, best first: relevance decides; between equally relevant articles the more
 * helpful one (by the Wilson lower bound) wins; between equally helpful ones the more recently
 * updated one wins.
 */
export function compareArticleScores(a: ArticleScore, b: ArticleScore): number {
  const scale = Math.max(1, Math.abs(a.relevance), Math.abs(b.relevance));
  if (Math.abs(a.relevance - b.relevance) > RELEVANCE_TOLERANCE * scale) return b.relevance - a.relevance;
  if (a.helpfulness !== b.helpfulness) return b.helpfulness - a.helpfulness;
  return a.ageDays - b.ageDays;
}

export interface KeywordDocument {
  title: string;
  body: string;
  /** Exact identifiers such as error codes; they weigh like title words. */
  keywords?: readonly string[];
}

export interface KeywordRelevanceOptions {
  /** How much more a word in the title counts than one in the body. Default 3. */
  titleWeight?: number;
}

/**
 * A database-free relevance for one article: for each term, words starting with it (ignoring
 * case and accents, like the `*` search) in the title count `titleWeight` times as much as in
 * the body, with repeated hits dampened logarithmically: the weighting of termWeight, without
 * rarity, for tests and small in-memory sets.
 */
export function keywordRelevance(document: KeywordDocument, terms: readonly string[], options: KeywordRelevanceOptions = {}): number {
  const titleWeight = options.titleWeight ?? 3;
  const titleWords = [...words(plainText(document.title)), ...(document.keywords ?? [])].map(foldWord);
  const bodyWords = words(plainText(document.body)).map(foldWord);
  const dampen = (hits: number) => (hits === 0 ? 0 : 1 + Math.log(hits));
  let score = 0;
  for (const term of new Set(terms.map((t) => foldWord(String(t))).filter(Boolean))) {
    score += titleWeight * dampen(titleWords.filter((w) => w.startsWith(term)).length);
    score += dampen(bodyWords.filter((w) => w.startsWith(term)).length);
  }
  return score;
}

/**
 * The form a word is indexed and searched under: lower case without diacritics (foldWord), so
 * "Écho" finds "echo" and "ё" finds "е". Words too long to be real (over MAX_TERM_LENGTH
 * characters) are left out.
 */
export const MAX_TERM_LENGTH = 64;

export function indexTerm(word: string): string | null {
  const term = foldWord(word);
  return term.length === 0 || [...term].length > MAX_TERM_LENGTH ? null : term;
}

/**
 * How much one word says about one document: hits in the title (error codes count as title
 * words) weigh `titleWeight` times as much as hits in the body, and repeated hits are dampened
 * logarithmically, as in keywordRelevance.
 */
export function termWeight(titleHits: number, bodyHits: number, titleWeight = 3): number {
  const dampen = (hits: number) => (hits <= 0 ? 0 : 1 + Math.log(hits));
  return titleWeight * dampen(titleHits) + dampen(bodyHits);
}

/**
 * The searchable terms of one document with their weights (termWeight). Filler words
 * (isStopWord) are not indexed: queries leave them out too.
 */
export function documentTermWeights(document: KeywordDocument, options: KeywordRelevanceOptions = {}): Map<string, number> {
  const count = (list: readonly string[]) => {
    const hits = new Map<string, number>();
    for (const word of list) {
      const term = isStopWord(word) ? null : indexTerm(word);
      if (term !== null) hits.set(term, (hits.get(term) ?? 0) + 1);
    }
    return hits;
  };
  const title = count([...searchableWords(plainText(document.title)), ...(document.keywords ?? [])]);
  const body = count(searchableWords(plainText(document.body)));
  const weights = new Map<string, number>();
  for (const term of new Set([...title.keys(), ...body.keys()])) {
    weights.set(term, termWeight(title.get(term) ?? 0, body.get(term) ?? 0, options.titleWeight));
  }
  return weights;
}

/**
 * Rarity of a term among `documents` documents, `containing` of which hold it: ln(1 + N/n).
 * A query's relevance for a document is the sum, over the query's words, of the weight of each
 * indexed term the word starts (a word is a prefix: "hotline" finds "hotlines") times its
 * rarity. The search service computes the same expression in SQL.
 */
export function termRarity(documents: number, containing: number): number {
  return Math.log(1 + Math.max(1, documents) / Math.max(1, containing));
}
