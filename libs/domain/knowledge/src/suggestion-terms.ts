import { isStopWord } from './stop-words';
import { searchableWords } from './words';

export interface SuggestionTermsOptions {
  max?: number;
}

// Identifiers that say nothing about the topic: links, addresses and meeting IDs
// ("845 2913 4470", "845-2913-4470", "84529134470").
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const MEETING_ID = /\b\d{3}[\s-]?\d{3,4}[\s-]?\d{4}\b/g;

const NUMBER = /^\p{N}+$/u;
// Error codes are the most precise thing a requester can give us; longer numbers are IDs.
const ERROR_CODE = /^\p{N}{3,6}$/u;

/**
 * Keywords to look up help-center articles for a ticket's subject and description, or for what
 * a requester is typing: filler words of English, French and Russian, numbers of fewer than
 * three digits, longer numbers (meeting and phone IDs), links, e-mail addresses and repeats are
 * dropped. Error-code-like numbers come first, then words by how often they occur, then by
 * where they first appear.
 */
export function suggestionTerms(text: string, options: SuggestionTermsOptions = {}): string[] {
  const max = Math.max(0, Math.floor(options.max ?? 12));
  const cleaned = String(text ?? '')
    .normalize('NFC')
    .replace(URL, ' ')
    .replace(EMAIL, ' ')
    .replace(MEETING_ID, ' ');

  const seen = new Map<string, { count: number; first: number; code: boolean }>();
  const words = searchableWords(cleaned);
  // loops and a module-level comparator, not closures made per call (CONTRIBUTING.md, "Hot paths")
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    const isNumber = NUMBER.test(word);
    if (isStopWord(word) || (isNumber && !ERROR_CODE.test(word))) continue;
    const entry = seen.get(word);
    if (entry) entry.count += 1;
    else seen.set(word, { count: 1, first: index, code: isNumber });
  }

  const ranked = [...seen.entries()].sort(byWeight).slice(0, max);
  const terms: string[] = [];
  for (const [word] of ranked) terms.push(word);
  return terms;
}

type Counted = [string, { count: number; first: number; code: boolean }];

/** Error codes first, then the most frequent, then the first seen. */
function byWeight([, a]: Counted, [, b]: Counted): number {
  return Number(b.code) - Number(a.code) || b.count - a.count || a.first - b.first;
}
