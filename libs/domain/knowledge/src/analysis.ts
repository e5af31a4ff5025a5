import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { ENGLISH_IRREGULAR_FORMS } from './irregular-forms';
import { plainText } from './plain-text';
import { STOP_WORDS } from './stop-words';
import { words } from './words';

/**
 * Language-aware text analysis for search, the same for what is indexed and for what is typed:
 *
 * - words are split on anything that is not a letter, digit or combining mark, so straight and
 *   curly apostrophes both separate ("salle d'attente" = "salle d’attente", French elisions l’, d’,
 *   qu’ leave their article behind as a one-letter word or a stop word);
 * - case is folded, Russian ё is read as е;
 * - stop words of the text's language are dropped;
 * - English irregular forms are read as their base form first ("frozen" as "freeze": irregular-forms.ts);
 * - each word is reduced to its Snowball stem (english, french, russian, german, spanish,
 *   portuguese; Cyrillic words always with the Russian stemmer), and the stem is then folded
 *   without accents, so "vidéo", "video" and "vidéos" all index and search as "video";
 * - one-letter words of alphabetic scripts are dropped.
 *
 * The result keeps word order (`position`), which phrase matching uses.
 */
export interface AnalyzedWord {
  /** the word as written, folded: lower case, ё → е, no accents */
  form: string;
  /** its stem, folded the same way: what the index holds */
  stem: string;
  /** position among the analysed words of the text (stop words included in the count) */
  position: number;
}

const STEMMER_NAMES: Readonly<Record<string, string>> = {
  en: 'english',
  fr: 'french',
  ru: 'russian',
  de: 'german',
  es: 'spanish',
  pt: 'portuguese',
};
const stemmers = new Map<string, Stemmer | null>();

function stemmerFor(language: string): Stemmer | null {
  let stemmer = stemmers.get(language);
  if (stemmer === undefined) {
    const name = STEMMER_NAMES[language];
    stemmer = name ? newStemmer(name) : null;
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ONLY_DIGITS = /^\p{N}+$/u;
const SINGLE_CHARACTER_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** Lower case, ё → е, NFC: the form a stemmer reads. */
export function lowerWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

/** Lower case, ё → е, without accents or other combining marks: how words are compared. */
export function foldForm(word: string): string {
  return lowerWord(word).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

// Stop-word lists per language, folded so "très" and "tres", "её" and "ее" are both filler.
const FOLDED_STOP_WORDS = new Map<string, ReadonlySet<string>>(
  Object.entries(STOP_WORDS).map(([language, list]) => [language, new Set(list.map(foldForm))]),
);

/** True for a filler word of the language (folded comparison); languages without a list have none. */
export function isStopWordIn(word: string, language: string): boolean {
  const list = FOLDED_STOP_WORDS.get(language);
  return list !== undefined && list.has(foldForm(word));
}

/** The folded Snowball stem of one word read as `language`; Cyrillic words as Russian. */
export function stemWord(word: string, language: string): string {
  const lower = lowerWord(word);
  if (ONLY_DIGITS.test(lower)) return lower;
  const read = CYRILLIC.test(lower) ? 'ru' : language;
  const stemmer = stemmerFor(read);
  const base = read === 'en' ? (ENGLISH_IRREGULAR_FORMS.get(lower) ?? lower) : lower;
  return foldForm(stemmer ? stemmer.stem(base) : base);
}

/** Longest term the index keeps; longer "words" are not real ones. */
export const MAX_ANALYZED_TERM_LENGTH = 64;

interface WordAnalysis {
  form: string;
  stem: string;
}

// Word frequencies are Zipfian, so a bounded cache of analysed words saves most stemming.
const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordAnalysis | null>();

/** One word as `language`: null for a stop word, a lone letter or an over-long word. */
function analyzeWord(word: string, language: string): WordAnalysis | null {
  const key = `${language}\u0000${word}`;
  const cached = wordCache.get(key);
  if (cached !== undefined) return cached;
  let result: WordAnalysis | null = null;
  const lower = lowerWord(word);
  if (([...lower].length >= 2 || SINGLE_CHARACTER_WORD.test(lower)) && !isStopWordIn(lower, CYRILLIC.test(lower) ? 'ru' : language)) {
    const form = foldForm(lower);
    const stem = stemWord(lower, language);
    if (form.length > 0 && stem.length > 0 && [...form].length <= MAX_ANALYZED_TERM_LENGTH) result = { form, stem };
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(key, result);
  return result;
}

/** Analyses plain text (not Markdown) as `language`: see AnalyzedWord. */
export function analyzeText(text: string, language: string): AnalyzedWord[] {
  const result: AnalyzedWord[] = [];
  let position = 0;
  for (const word of words(String(text ?? '').normalize('NFC'))) {
    const analysed = analyzeWord(word, language);
    if (analysed) result.push({ form: analysed.form, stem: analysed.stem, position });
    position += 1;
  }
  return result;
}

/**
 * The typo tolerance of a word typed with `length` characters: none under 5, one edit from 5,
 * two from 9 (the thresholds of common search engines' "auto" fuzziness, shifted by one for
 * the short stems of inflected languages).
 */
export function allowedTypos(length: number): 0 | 1 | 2 {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment) between a and b, or
 * max + 1 as soon as it is known to exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[t.length], max + 1);
}

/** Languages a query of a reader of `locale` is analysed in: theirs, and English for the fallback articles. */
export function queryLanguages(locale: string): string[] {
  return locale === 'en' ? ['en'] : [locale, 'en'];
}

/** The indexed stems of title, keywords and body of a document in `language`, with their weights. */
export interface DocumentText {
  title: string;
  /** Markdown */
  body: string;
  /** exact identifiers such as error codes; they weigh like title words */
  keywords?: readonly string[];
}

/**
 * How much one stem says about one document: hits in the title (error codes count as title
 * words) weigh `titleWeight` times as much as hits in the body, repeated hits dampened
 * logarithmically, body hits normalised by the body's length.
 */
export function stemWeight(titleHits: number, bodyHits: number, bodyWords = REFERENCE_BODY_WORDS, titleWeight = 4): number {
  const dampen = (hits: number) => (hits <= 0 ? 0 : 1 + Math.log(hits));
  const lengthNorm = 1 - LENGTH_NORMALISATION + (LENGTH_NORMALISATION * Math.max(1, bodyWords)) / REFERENCE_BODY_WORDS;
  return titleWeight * dampen(titleHits) + dampen(bodyHits) / lengthNorm;
}

/**
 * Body matches are normalised by the body's length (pivoted, as BM25 does): a word in a long FAQ
 * or release note says less about it than the same word in a short how-to. A body of
 * REFERENCE_BODY_WORDS analysed words keeps its weight; one twice as long counts 1/1.5.
 */
export const REFERENCE_BODY_WORDS = 200;
const LENGTH_NORMALISATION = 0.75;

/** A document analysed once: what the index stores for it. */
export interface DocumentAnalysis {
  /** stems with their weights (stemWeight) */
  weights: Map<string, number>;
  /** the title's words as written, folded, distinct */
  titleForms: string[];
  /** every word as written (folded) with its stem */
  forms: Map<string, string>;
}

export function analyzeDocument(document: DocumentText, language: string): DocumentAnalysis {
  const titleWords = analyzeText(plainText(document.title), language);
  const keywordWords = analyzeText((document.keywords ?? []).join(' '), language);
  const bodyWords = analyzeText(plainText(document.body), language);
  const count = (list: readonly AnalyzedWord[], hits = new Map<string, number>()) => {
    for (const word of list) hits.set(word.stem, (hits.get(word.stem) ?? 0) + 1);
    return hits;
  };
  const title = count(keywordWords, count(titleWords));
  const body = count(bodyWords);
  const weights = new Map<string, number>();
  for (const stem of new Set([...title.keys(), ...body.keys()])) {
    weights.set(stem, stemWeight(title.get(stem) ?? 0, body.get(stem) ?? 0, bodyWords.length));
  }
  const forms = new Map<string, string>();
  for (const word of [...titleWords, ...bodyWords]) forms.set(word.form, word.stem);
  return { weights, titleForms: [...new Set(titleWords.map((w) => w.form))], forms };
}

/** The stems of a document with their weights (stemWeight): what the search index stores. */
export function documentStemWeights(document: DocumentText, language: string): Map<string, number> {
  return analyzeDocument(document, language).weights;
}

/** The distinct folded forms of a title's words (for autocomplete and exact-title ranking). */
export function titleForms(title: string, language: string): string[] {
  return [...new Set(analyzeText(plainText(title), language).map((w) => w.form))];
}
