/**
 * Word translations learnt from the help center's own translated articles, for readers served
 * English fallbacks: half the articles of a help center are often English only, and a Russian or
 * French reader searches them with words of their own language.
 *
 * Each article translated into a language gives a pair of texts that say the same thing: the
 * stems of its translation and the stems of its English source. A stem of the language and an
 * English stem that keep appearing in the same pairs translate each other. Association is
 * measured by the Dice coefficient over pairs, 2·both / (pairs with one + pairs with the other),
 * and words are linked competitively (Melamed's method for translation lexicons): the most
 * strongly associated pair first, each word linked at most once, so a frequent English word
 * ("meet") goes to the word that really translates it ("конференция") and not to every word
 * that happens to share its articles.
 */
export interface ParallelTexts {
  /** stems of the translation (in the language learnt) */
  source: ReadonlySet<string>;
  /** stems of the English source */
  target: ReadonlySet<string>;
}

export interface LexiconOptions {
  /** a pair of words must share at least this many texts */
  minShared?: number;
  /** and reach this Dice coefficient */
  minDice?: number;
  /** the source words that may be learnt (Russian: Cyrillic ones; the Latin words of a Russian text are English already) */
  sourceWords?: RegExp;
  /** words found in more than this share of the texts are not linked (they pair with anything by chance, and say little in a search) */
  maxShare?: number;
}

/** Defaults: three shared articles and a Dice of 0.6 keep chance pairings out of a lexicon learnt from a few dozen articles. */
export const LEXICON_MIN_SHARED = 3;
export const LEXICON_MIN_DICE = 0.7;
export const LEXICON_MAX_SHARE = 0.5;

/**
 * source stem → the English stem it translates to (one each). Words written alike in both languages
 * (brand names, "api", links, French "video") are left out on both sides: they match already, and
 * linking them would pair them with whatever shares their articles.
 */
export function learnTranslations(pairs: readonly ParallelTexts[], options: LexiconOptions = {}): Map<string, string> {
  const minShared = options.minShared ?? LEXICON_MIN_SHARED;
  const minDice = options.minDice ?? LEXICON_MIN_DICE;
  const maxTexts = pairs.length * (options.maxShare ?? LEXICON_MAX_SHARE);
  const frequency = (side: 'source' | 'target') => {
    const counts = new Map<string, number>();
    for (const pair of pairs) for (const stem of pair[side]) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    return counts;
  };
  const sourceCounts = frequency('source');
  const targetCounts = frequency('target');
  // words seen in fewer texts than a link needs cannot be linked: they are not counted
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const linkable = (n: number, stem: string, other: ReadonlyMap<string, number>) => n >= minShared && n <= maxTexts && !other.has(stem);
  for (const [stem, n] of sourceCounts)
    if (linkable(n, stem, targetCounts) && (options.sourceWords?.test(stem) ?? true)) sourceIds.set(stem, sourceIds.size);
  for (const [stem, n] of targetCounts) if (linkable(n, stem, sourceCounts)) targetIds.set(stem, targetIds.size);
  const width = targetIds.size;
  const shared = new Map<number, number>();
  for (const pair of pairs) {
    const targets = [...pair.target].map((stem) => targetIds.get(stem)).filter((id): id is number => id !== undefined);
    for (const stem of pair.source) {
      const s = sourceIds.get(stem);
      if (s === undefined) continue;
      for (const t of targets) shared.set(s * width + t, (shared.get(s * width + t) ?? 0) + 1);
    }
  }
  const sourceStems = [...sourceIds.keys()];
  const targetStems = [...targetIds.keys()];
  const candidates: Array<{ source: string; target: string; dice: number; both: number }> = [];
  for (const [key, both] of shared) {
    if (both < minShared) continue;
    const source = sourceStems[Math.floor(key / width)];
    const target = targetStems[key % width];
    const dice = (2 * both) / ((sourceCounts.get(source) ?? 0) + (targetCounts.get(target) ?? 0));
    if (dice >= minDice) candidates.push({ source, target, dice, both });
  }
  candidates.sort(
    (a, b) =>
      b.dice - a.dice ||
      b.both - a.both ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
  const lexicon = new Map<string, string>();
  const linkedTargets = new Set<string>();
  for (const candidate of candidates) {
    if (lexicon.has(candidate.source) || linkedTargets.has(candidate.target)) continue;
    lexicon.set(candidate.source, candidate.target);
    linkedTargets.add(candidate.target);
  }
  return lexicon;
}
