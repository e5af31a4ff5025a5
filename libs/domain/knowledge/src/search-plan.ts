import { allowedTypos, analyzeText, queryLanguages, stemWord, type AnalyzedWord } from './analysis';
import { wilsonLowerBound } from './ranking';
import { words } from './words';

/**
 * What a query looks for, engine-independent: each typed word is a slot; a slot is satisfied by
 * any of its alternatives (the word's stems in the reader's language and in English, typo
 * corrections from the term dictionary, synonyms), each with a factor saying how much a match
 * through it is worth. A document's relevance is the sum over slots of its best alternative.
 */
export type AlternativeKind = 'stem' | 'related' | 'synonym' | 'fuzzy' | 'translation';

export interface QueryAlternative {
  slot: number;
  term: string;
  factor: number;
  kind: AlternativeKind;
  /**
   * the typed word's slot a phrase synonym's word stands for (its own `slot` is extra, one per
   * word of the phrase), and the first slot of that phrase: title matching credits the typed word
   * with the share of the phrase found in the title
   */
  source?: number;
  phrase?: number;
}

export interface QueryPlan {
  alternatives: QueryAlternative[];
  /** folded forms of the typed words that are not filler, in order (exact-title and phrase matching) */
  forms: string[];
  /** every stem the query matches through (for highlighting) */
  stems: string[];
  /** how many typed words the plan has a slot for (coordination: a match of more of them ranks higher) */
  slots: number;
}

/** A synonym rule as editors store it: a word or short phrase and what it also means. */
export interface SynonymRule {
  locale: string;
  term: string;
  synonyms: readonly string[];
}

/** The dictionary of indexed words a query's typos are corrected against. */
export interface TermDictionary {
  /** documents holding the stem, or 0 when the index does not know it */
  documents(stem: string): number;
  /** indexed words within `maxDistance` edits of the folded form, with the stem each indexes as */
  similar(form: string, maxDistance: number): ReadonlyArray<{ form: string; stem: string; distance: number; documents: number }>;
  /** indexed words starting with `prefix`, with the stem each indexes as */
  prefixed(prefix: string): ReadonlyArray<{ form: string; stem: string; documents: number }>;
}

/** How much a match is worth by how it was reached. Exact forms in a title earn more in rankMatch. */
export const MATCH_FACTORS = {
  stem: 1,
  related: 0.7,
  synonym: 0.8,
  synonymPhrase: 0.55,
  typo1: 0.6,
  typo2: 0.4,
  translation: 0.6,
} as const;
/**
 * Words of this many letters or more also match indexed words sharing their beginning (all but
 * the last three letters, at least five): Snowball leaves some forms of one word apart
 * (Russian "запись" → "зап", "записать" → "записа"), and the shared beginning brings them together.
 */
export const RELATED_FORM_MIN_LENGTH = 6;
export const MAX_RELATED = 2;
/**
 * Words this long or longer are in a TermDictionary's counts when indexed (shorter forms are not
 * kept for typo correction, so a count of 0 says nothing about them).
 */
export const COUNTED_FORM = 4;
/** a word whose stem this many documents hold is not checked for typos */
export const WELL_KNOWN_DOCUMENTS = 20;
/** typo corrections kept per word, most common first */
export const MAX_CORRECTIONS = 2;
/** a known stem is corrected only when a neighbour is this many times more common */
const CORRECTION_DOMINANCE = 5;

export interface PlanOptions {
  dictionary?: TermDictionary;
  synonyms?: readonly SynonymRule[];
  /**
   * per language, stems of that language with the English stem they translate to (learnTranslations):
   * a reader's word also looks for its translation, for the English articles they are served
   */
  translations?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** most alternatives a plan may hold (cost bound); the typed words' own stems come first */
  maxAlternatives?: number;
}

/**
 * Turns typed words (as parseSearchQuery or suggestionTerms return them, in order) into a
 * QueryPlan for a reader of `locale`: see QueryPlan.
 */
export function planQuery(terms: readonly string[], locale: string, options: PlanOptions = {}): QueryPlan {
  const languages = queryLanguages(locale);
  const maxAlternatives = options.maxAlternatives ?? 24;
  const text = terms.join(' ');
  // analysed per language; a word that is filler in any of them (French "ma", English "the")
  // drops out of all, since the reader meant it as filler
  const analysed = languages.map((language) => [language, analyzeText(text, language)] as const);
  const typedCount = words(text.normalize('NFC')).length;
  const filler = new Set<number>();
  for (const [, list] of analysed) {
    const kept = new Set(list.map(positionOf));
    for (let position = 0; position < typedCount; position += 1) if (!kept.has(position)) filler.add(position);
  }
  const perLanguage = new Map(analysed.map(([language, list]) => [language, list.filter((w) => !filler.has(w.position))] as const));
  const typedPositions = new Set<number>();
  for (const list of perLanguage.values()) for (const word of list) typedPositions.add(word.position);
  const positions = [...typedPositions].sort(ascending);
  const byPosition = new Map<number, Map<string, AnalyzedWord>>();
  for (const [language, list] of perLanguage) {
    for (const word of list) {
      if (!byPosition.has(word.position)) byPosition.set(word.position, new Map());
      byPosition.get(word.position)?.set(language, word);
    }
  }

  // a French elision typed without its apostrophe is read as the word after it (synonyms included)
  const dictionary = options.dictionary;
  for (const [position, typed] of dictionary ? byPosition : []) {
    const restored = dictionary && restoredElision(typed, languages, dictionary);
    if (!restored) continue;
    byPosition.set(position, restored);
    for (const [language, list] of perLanguage) {
      const index = list.findIndex((w) => w.position === position);
      const word = restored.get(language);
      if (index >= 0 && word) list[index] = word;
      else if (index >= 0) list.splice(index, 1);
    }
  }

  const primary: QueryAlternative[] = [];
  const secondary: QueryAlternative[] = [];
  const forms: string[] = [];
  let nextSlot = positions.length;
  // the reader's language's word translations (none for an English reader)
  const lexicon = options.translations?.get(locale);
  for (const [slot, position] of positions.entries()) {
    const analyses = byPosition.get(position) ?? new Map<string, AnalyzedWord>();
    const form = [...analyses.values()][0]?.form ?? '';
    forms.push(form);
    const length = [...form].length;
    const own = analyses.get(locale);
    for (const stem of new Set([...analyses.values()].map(stemOf))) {
      // the word read as English by a French or Russian reader ("envoyer" → "envoy") where no
      // indexed word has that stem: it could match nothing, and would take a place in the plan
      if (own && stem !== own.stem && options.dictionary && length >= COUNTED_FORM && options.dictionary.documents(stem) === 0) continue;
      primary.push({ slot, term: stem, factor: MATCH_FACTORS.stem, kind: 'stem' });
    }
    const translation = own && lexicon?.get(own.stem);
    if (translation && !analysesHave(analyses, translation))
      secondary.push({ slot, term: translation, factor: MATCH_FACTORS.translation, kind: 'translation' });
    if (options.dictionary && length >= RELATED_FORM_MIN_LENGTH) {
      const prefix = relatedBeginning([...form], length);
      const related = options.dictionary
        .prefixed(prefix)
        .filter((r) => !analysesHave(analyses, r.stem))
        .sort(mostDocumentsFirst);
      const seen = new Set<string>();
      for (const r of related) {
        if (seen.size >= MAX_RELATED) break;
        if (seen.has(r.stem)) continue;
        seen.add(r.stem);
        secondary.push({ slot, term: r.stem, factor: MATCH_FACTORS.related, kind: 'related' });
      }
    }
    const typos = allowedTypos(length);
    const known = options.dictionary ? Math.max(0, ...[...analyses.values()].map((w) => options.dictionary?.documents(w.stem) ?? 0)) : 0;
    // a word the index knows well is taken as meant; rarer ones are checked for likelier neighbours
    if (options.dictionary && typos > 0 && known < WELL_KNOWN_DOCUMENTS) {
      const corrections = options.dictionary
        .similar(form, typos)
        .filter((c) => c.distance > 0 && c.documents > known * CORRECTION_DOMINANCE && !analysesHave(analyses, c.stem))
        .sort(closestFirst);
      const seen = new Set<string>();
      for (const correction of corrections) {
        if (seen.size >= MAX_CORRECTIONS) break;
        if (seen.has(correction.stem)) continue;
        seen.add(correction.stem);
        secondary.push({
          slot,
          term: correction.stem,
          factor: correction.distance === 1 ? MATCH_FACTORS.typo1 : MATCH_FACTORS.typo2,
          kind: 'fuzzy',
        });
      }
    }
  }

  // synonyms: a rule's term matches a run of consecutive typed words (sameRuleWord, in the rule's language)
  // (rules are looked up by their first word, then applied in list order, each at its typed words in order)
  const index = synonymIndex(options.synonyms ?? []);
  const matches: Array<{ order: number; rule: SynonymRule; position: number }> = [];
  for (const language of languages) {
    const rules = index.get(language);
    const typed = perLanguage.get(language) ?? [];
    for (const [i, word] of typed.entries()) {
      const found = new Set<number>();
      for (const key of new Set([firstLetters(word.stem), firstLetters(word.form)])) {
        for (const { order, rule, words } of rules?.get(key) ?? []) {
          if (found.has(order) || i + words.length > typed.length || !words.every((w, k) => sameRuleWord(typed[i + k], w))) continue;
          found.add(order);
          matches.push({ order, rule, position: typed[i].position });
        }
      }
    }
  }
  matches.sort(byRuleThenPosition);
  for (const { rule, position } of matches) {
    const slot = positions.indexOf(position);
    for (const synonym of rule.synonyms) {
      // a synonym may be written in another language than the rule (a French reader is served
      // English articles too): it is read in every language of the query, one slot per word
      const readings = languages.map((language) => analyzeText(synonym, language).map((w) => w.stem));
      const stems = [...new Set(readings.flat())];
      const words = Math.max(...readings.map((r) => r.length));
      if (words === 1) {
        for (const stem of stems) secondary.unshift({ slot, term: stem, factor: MATCH_FACTORS.synonym, kind: 'synonym' });
        continue;
      }
      const phrase = nextSlot;
      Array.from({ length: words }, (_, k) => k).forEach((k) => {
        const phraseSlot = nextSlot++;
        for (const reading of readings) {
          if (reading[k] !== undefined) {
            secondary.push({
              slot: phraseSlot,
              term: reading[k],
              factor: MATCH_FACTORS.synonymPhrase,
              kind: 'synonym',
              source: slot,
              phrase,
            });
          }
        }
      });
    }
  }

  const alternatives: QueryAlternative[] = [];
  const taken = new Set<string>();
  for (const alternative of [...primary, ...secondary]) {
    const key = `${alternative.slot}|${alternative.term}`;
    if (taken.has(key) || alternatives.length >= maxAlternatives) continue;
    taken.add(key);
    alternatives.push(alternative);
  }
  return { alternatives, forms: forms.filter(Boolean), stems: [...new Set(alternatives.map(termOf))], slots: positions.length };
}

/**
 * French elisions (l', d', j', qu', ...) before a word starting with a vowel or h. Readers often
 * type them without the apostrophe ("lecran", "dattente", "jentends"), which makes one word the
 * index has never seen, and which typo correction cannot mend (the first letter is the elision's).
 */
const FRENCH_ELISION = /^(?:qu|[cdjlmnst])([aeiouyh]\p{L}{2,})$/u;

/**
 * A French reader's unknown word read as an elision written without its apostrophe: the word after
 * it, analysed in each of the query's languages, when the index knows it (and the whole word not).
 */
function restoredElision(
  typed: ReadonlyMap<string, AnalyzedWord>,
  languages: readonly string[],
  dictionary: TermDictionary,
): Map<string, AnalyzedWord> | undefined {
  if (!languages.includes('fr')) return undefined;
  const first = [...typed.values()][0];
  const elided = first && FRENCH_ELISION.exec(first.form);
  if (!elided || [...typed.values()].some((w) => dictionary.documents(w.stem) > 0)) return undefined;
  const restored = new Map<string, AnalyzedWord>();
  for (const language of languages) {
    const [word] = analyzeText(elided[1], language);
    if (word) restored.set(language, { ...word, position: first.position });
  }
  return [...restored.values()].some((w) => dictionary.documents(w.stem) > 0) ? restored : undefined;
}

/**
 * A typed word's stem and a synonym rule's stem name the same word: equal, or one extends the
 * other by at most two letters from four letters on. Snowball leaves some forms of one verb
 * apart (Russian "слышат", "слышу" → "слыш", "слышать" → "слыша"), and an editor writes the rule
 * once, in the dictionary form.
 */
export function sameWord(typedStem: string, ruleStem: string): boolean {
  if (typedStem === ruleStem) return true;
  const [short, long] = typedStem.length <= ruleStem.length ? [typedStem, ruleStem] : [ruleStem, typedStem];
  // the cheap test first: every rule is compared with every typed word of every plan
  return long.startsWith(short) && [...short].length >= 4 && [...long].length - [...short].length <= 2;
}

/*
 * Comparators and getters of planQuery, module-level rather than closures made per call: V8 drops
 * a per-call closure's optimized code at each full collection and compiles it again
 * (CONTRIBUTING.md, "Hot paths").
 */
function positionOf(word: AnalyzedWord): number {
  return word.position;
}

function stemOf(word: AnalyzedWord): string {
  return word.stem;
}

function termOf(alternative: { term: string }): string {
  return alternative.term;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function mostDocumentsFirst(a: { documents: number }, b: { documents: number }): number {
  return b.documents - a.documents;
}

function closestFirst(a: { distance: number; documents: number }, b: { distance: number; documents: number }): number {
  return a.distance - b.distance || b.documents - a.documents;
}

function byRuleThenPosition(a: { order: number; position: number }, b: { order: number; position: number }): number {
  return a.order - b.order || a.position - b.position;
}

/**
 * A typed word is a rule's word: the same word by their stems (sameWord), or, for words of six
 * letters or more, written with the same beginning (all but the last three letters of the shorter,
 * at least five, as for related forms): Snowball cuts some forms of one noun differently (Russian
 * "запись" → "зап", "записи" → "запис"), and a rule for "учетная запись" must hold for
 * "учетной записи".
 */
function sameRuleWord(typed: AnalyzedWord, rule: AnalyzedWord): boolean {
  if (sameWord(typed.stem, rule.stem)) return true;
  const a = [...typed.form];
  const b = [...rule.form];
  const shorter = Math.min(a.length, b.length);
  if (shorter < RELATED_FORM_MIN_LENGTH) return false;
  return relatedBeginning(a, shorter) === relatedBeginning(b, shorter);
}

/** The beginning related forms of a word of `length` letters share: all but the last three letters, at least five. */
function relatedBeginning(letters: readonly string[], length: number): string {
  return letters.slice(0, Math.max(5, length - 3)).join('');
}

/**
 * What two stems must share for sameWord to hold, and two forms for a shared beginning: the whole
 * word below four letters (only equal stems are the same word there), else its first four letters.
 */
function firstLetters(stem: string): string {
  const letters = [...stem];
  return letters.length < 4 ? stem : letters.slice(0, 4).join('');
}

interface IndexedRule {
  /** the rule's place in its list: matches are applied in list order */
  order: number;
  rule: SynonymRule;
  /** its term, analysed in its locale */
  words: readonly AnalyzedWord[];
}

/**
 * A rule list by language and by the first letters of its term's first word (stem and form),
 * built once per list (the dictionary hands out the same list until it reloads): a plan looks up
 * the rules its typed words may start instead of comparing every rule with every word (hundreds of
 * rules, a dozen words per ticket).
 */
const synonymIndexes = new WeakMap<readonly SynonymRule[], Map<string, Map<string, IndexedRule[]>>>();
function synonymIndex(rules: readonly SynonymRule[]): Map<string, Map<string, IndexedRule[]>> {
  const known = synonymIndexes.get(rules);
  if (known) return known;
  const index = new Map<string, Map<string, IndexedRule[]>>();
  rules.forEach((rule, order) => {
    const words = analyzeText(rule.term, rule.locale);
    if (words.length === 0) return;
    const byLetters = index.get(rule.locale) ?? new Map<string, IndexedRule[]>();
    index.set(rule.locale, byLetters);
    // under its first word's stem and form: a typed word looks both of its own up (sameRuleWord)
    for (const key of new Set([firstLetters(words[0].stem), firstLetters(words[0].form)]))
      byLetters.set(key, [...(byLetters.get(key) ?? []), { order, rule, words }]);
  });
  synonymIndexes.set(rules, index);
  return index;
}

function analysesHave(analyses: ReadonlyMap<string, AnalyzedWord>, stem: string): boolean {
  return [...analyses.values()].some((w) => w.stem === stem);
}

export interface TitleMatch {
  /** share of the query's words found as written (folded) in the title */
  exact: number;
  /**
   * share of the query's words found in the title through their stem (1), or else through their
   * best other alternative (its match factor: a synonym, a correction, a related form)
   */
  stemmed: number;
  /** the query's words appear in the title in order, next to each other (two words or more) */
  phrase: boolean;
}

interface AnalyzedTitle {
  formSet: ReadonlySet<string>;
  stemSet: ReadonlySet<string>;
  /** the title's words as written, space-separated with a space before and after (phrase test) */
  spaced: string;
}

/** What titleMatch needs of a plan, worked out once per plan (a ticket's plan meets twenty titles, a search's up to a hundred). */
interface PlanTitleTerms {
  /** the typed words as written, spaced as AnalyzedTitle.spaced; null under two words */
  spaced: string | null;
  /** alternatives that count for a typed word's slot on their own */
  single: ReadonlyArray<{ slot: number; term: string; factor: number }>;
  /** each phrase synonym: the typed word's slot it counts for, and the terms of each of its word slots */
  phrases: ReadonlyArray<{ source: number; slots: ReadonlyArray<readonly string[]> }>;
}

/**
 * Titles analysed lately, by language, then text (no key built per call): the same few hundred
 * titles are ranked for every search and ticket.
 */
const analyzedTitles = new Map<string, Map<string, AnalyzedTitle>>();
let analyzedTitleCount = 0;
const MAX_ANALYZED_TITLES = 10_000;
/** The stems of each plan's typed words, per title language. */
const planFormStems = new WeakMap<QueryPlan, Map<string, string[][]>>();
const planTitleTerms = new WeakMap<QueryPlan, PlanTitleTerms>();

function analyzedTitle(title: string, language: string): AnalyzedTitle {
  let byTitle = analyzedTitles.get(language);
  let analyzed = byTitle?.get(title);
  if (!analyzed) {
    const words = analyzeText(title, language);
    const forms = words.map((w) => w.form);
    analyzed = { formSet: new Set(forms), stemSet: new Set(words.map((w) => w.stem)), spaced: ` ${forms.join(' ')} ` };
    // a bounded memory: when full it starts again (titles change seldom; a miss only costs an analysis)
    if (analyzedTitleCount >= MAX_ANALYZED_TITLES) {
      analyzedTitles.clear();
      analyzedTitleCount = 0;
      byTitle = undefined;
    }
    if (!byTitle) analyzedTitles.set(language, (byTitle = new Map()));
    byTitle.set(title, analyzed);
    analyzedTitleCount += 1;
  }
  return analyzed;
}

function formStems(plan: QueryPlan, language: string): string[][] {
  let byLanguage = planFormStems.get(plan);
  if (!byLanguage) planFormStems.set(plan, (byLanguage = new Map()));
  let stems = byLanguage.get(language);
  if (!stems) byLanguage.set(language, (stems = plan.forms.map((form) => analyzeText(form, language).map((w) => w.stem))));
  return stems;
}

function titleTerms(plan: QueryPlan): PlanTitleTerms {
  let terms = planTitleTerms.get(plan);
  if (terms) return terms;
  const single: Array<{ slot: number; term: string; factor: number }> = [];
  const phrases = new Map<number, { source: number; slots: Map<number, string[]> }>();
  for (const alternative of plan.alternatives) {
    if (alternative.phrase !== undefined && alternative.source !== undefined) {
      let phrase = phrases.get(alternative.phrase);
      if (!phrase) phrases.set(alternative.phrase, (phrase = { source: alternative.source, slots: new Map() }));
      const slotTerms = phrase.slots.get(alternative.slot);
      if (slotTerms) slotTerms.push(alternative.term);
      else phrase.slots.set(alternative.slot, [alternative.term]);
    } else if (alternative.slot < plan.slots) {
      single.push({ slot: alternative.slot, term: alternative.term, factor: alternative.factor });
    }
  }
  terms = {
    spaced: plan.forms.length >= 2 ? ` ${plan.forms.join(' ')} ` : null,
    single,
    phrases: [...phrases.values()].filter((p) => p.source < plan.slots).map((p) => ({ source: p.source, slots: [...p.slots.values()] })),
  };
  planTitleTerms.set(plan, terms);
  return terms;
}

/** Whether the set holds any of the terms. */
function anyIn(terms: readonly string[], set: ReadonlySet<string>): boolean {
  for (const term of terms) if (set.has(term)) return true;
  return false;
}

/** How the title of a served document matches the plan's typed words. */
export function titleMatch(plan: QueryPlan, title: string, language: string): TitleMatch {
  if (plan.forms.length === 0) return { exact: 0, stemmed: 0, phrase: false };
  const { formSet, stemSet, spaced } = analyzedTitle(title, language);
  const terms = titleTerms(plan);
  let exactWords = 0;
  for (const form of plan.forms) if (formSet.has(form)) exactWords += 1;
  // each typed word: 1 when its stem (in the title's language) is in the title, else the factor
  // of its best alternative there; a phrase synonym counts by the share of its words present
  const best = new Array<number>(plan.slots).fill(0);
  // loops, not closures made per title (CONTRIBUTING.md, "Hot paths"): a ticket meets twenty titles
  const stemsBySlot = formStems(plan, language);
  for (let slot = 0; slot < stemsBySlot.length && slot < best.length; slot += 1) if (anyIn(stemsBySlot[slot], stemSet)) best[slot] = 1;
  for (const { slot, term, factor } of terms.single) if (stemSet.has(term)) best[slot] = Math.max(best[slot], factor);
  for (const phrase of terms.phrases) {
    let found = 0;
    for (const slotTerms of phrase.slots) if (anyIn(slotTerms, stemSet)) found += 1;
    best[phrase.source] = Math.max(best[phrase.source], (MATCH_FACTORS.synonym * found) / phrase.slots.length);
  }
  let sum = 0;
  for (const value of best) sum += value;
  return {
    exact: exactWords / plan.forms.length,
    stemmed: best.length === 0 ? 0 : sum / best.length,
    phrase: terms.spaced !== null && spaced.includes(terms.spaced),
  };
}

export interface SearchRankInput {
  /** the index's relevance: sum over the query's words of weight × rarity × match factor */
  relevance: number;
  title: TitleMatch;
  helpfulVotes: number;
  notHelpfulVotes: number;
  /** reads in the last RECENT_VIEW_DAYS days */
  recentViews: number;
}

export interface SearchRank {
  /** 1 when every typed word is in the title as written: such a match is never ranked below one that is not */
  tier: number;
  score: number;
}

export const RECENT_VIEW_DAYS = 30;
/** Caps of the popularity boosts, as shares of the score: they reorder close matches only. */
export const VOTE_BOOST_CAP = 0.15;
export const VIEW_BOOST_CAP = 0.1;
/** reads in RECENT_VIEW_DAYS that earn the whole view boost */
const VIEWS_FOR_FULL_BOOST = 10_000;

/**
 * The final order of search results: tier first (every typed word in the title as written),
 * then the score: relevance, raised for exact (+35 % × share) and stemmed (+15 % × share) title
 * words and a title phrase (+30 %), then by at most VOTE_BOOST_CAP for helpful votes (Wilson
 * lower bound, one neutral vote each way) and VIEW_BOOST_CAP for recent reads (logarithmic).
 */
export function rankMatch(input: SearchRankInput): SearchRank {
  const relevance = Number.isFinite(input.relevance) ? Math.max(0, input.relevance) : 0;
  const helpful = Math.max(0, Math.floor(input.helpfulVotes || 0)) + 1;
  const notHelpful = Math.max(0, Math.floor(input.notHelpfulVotes || 0)) + 1;
  const votes = VOTE_BOOST_CAP * wilsonLowerBound(helpful, helpful + notHelpful);
  const views = Math.min(
    VIEW_BOOST_CAP,
    (VIEW_BOOST_CAP * Math.log10(1 + Math.max(0, input.recentViews || 0))) / Math.log10(1 + VIEWS_FOR_FULL_BOOST),
  );
  const titled = 1 + 0.35 * input.title.exact + 0.5 * input.title.stemmed + (input.title.phrase ? 0.3 : 0);
  return {
    tier: input.title.exact >= 1 ? 1 : 0,
    score: Math.round(relevance * titled * (1 + votes + views) * 1e6) / 1e6,
  };
}

/** A highlighter's test for the words of a served text in `language` that the plan matches through. */
export function stemMatcher(plan: QueryPlan, language: string): (word: string) => boolean {
  const stems = new Set(plan.stems);
  return (word) => stems.has(stemWord(word, language));
}
