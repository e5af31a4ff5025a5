// A word starts with a letter or digit of any script and may carry combining marks, so
// Cyrillic, accented Latin and decomposed text stay whole. Everything else separates words,
// which is also what removes every MariaDB boolean-mode operator from user input.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

// Scripts written without spaces carry meaning in a single character; elsewhere a lone letter
// is noise ("l'" in French, the "s" of "it's").
const SINGLE_CHARACTER_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

export function wordSpans(text: string): WordSpan[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lower-cased words worth searching for: single letters of alphabetic scripts are dropped. */
export function searchableWords(text: string): string[] {
  return words(text.normalize('NFC').toLowerCase()).filter((word) => [...word].length > 1 || SINGLE_CHARACTER_WORD.test(word));
}

/**
 * Comparison form of a word: lower case without diacritics, the way MariaDB's accent- and
 * case-insensitive collations compare, so "video" finds "vidéo".
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function uniqueInOrder<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
