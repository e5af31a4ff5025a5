import { searchableWords, STOP_WORDS, type Locale } from '@support/domain-knowledge';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const FRENCH_LETTERS = /[àâæçéèêëîïôœùûüÿ]/i;

const ENGLISH_WORDS: ReadonlySet<string> = new Set(STOP_WORDS.en);
const FRENCH_WORDS: ReadonlySet<string> = new Set(STOP_WORDS.fr);

/**
 * The language a ticket is most likely written in, for matching it against the translations
 * its requester would read: ticket events carry no locale. Cyrillic text is Russian (the one
 * Cyrillic locale with translations); Latin text is French when French filler words and accented
 * letters outweigh English filler words; anything else is read as English, the source language.
 */
export function guessTextLocale(text: string): Locale {
  const letters = [...String(text ?? '')];
  const cyrillic = letters.filter((c) => CYRILLIC.test(c)).length;
  const latin = letters.filter((c) => LATIN.test(c)).length;
  if (cyrillic > 0 && cyrillic >= latin) return 'ru';
  let english = 0;
  let french = 0;
  for (const word of searchableWords(text ?? '')) {
    if (ENGLISH_WORDS.has(word)) english += 1;
    if (FRENCH_WORDS.has(word)) french += 1;
    if (FRENCH_LETTERS.test(word)) french += 1;
  }
  return french > english ? 'fr' : 'en';
}
