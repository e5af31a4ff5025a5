import { escapeHtml } from './html-escape';
import { plainText } from './plain-text';
import { foldWord, wordSpans, type WordSpan } from './words';

export interface HighlightOptions {
  /** Most characters of article text in the excerpt, not counting the ellipses and markup. */
  maxLength?: number;
  /** Which words to mark instead of "starts with a term", e.g. search-plan's stemMatcher. */
  matchWord?: (word: string) => boolean;
}

const ELLIPSIS = '…';

/**
 * A search-result excerpt: the article's visible text around the first word matching a term,
 * every matching word wrapped in <mark>…</mark> and everything else HTML-escaped, so the result
 * can be inserted as HTML. A word matches when it starts with a term (as the `*` search does),
 * ignoring case and accents. Without a match the excerpt is the beginning of the text.
 */
export function highlightSnippet(text: string, terms: readonly string[], options: HighlightOptions = {}): string {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? 200));
  const plain = plainText(text);
  const folded = terms.map((term) => foldWord(String(term).trim())).filter((term) => term.length > 0);
  const spans = wordSpans(plain);
  const matchWord = options.matchWord;
  const matches = (span: WordSpan) => {
    if (matchWord) return matchWord(span.word);
    const word = foldWord(span.word);
    return folded.some((term) => word.startsWith(term));
  };

  const first = spans.find(matches);
  const [start, end] = excerptBounds(plain, first, maxLength);

  let html = '';
  let position = start;
  for (const span of spans) {
    if (span.start < start || span.end > end || !matches(span)) continue;
    html += escapeHtml(plain.slice(position, span.start)) + `<mark>${escapeHtml(span.word)}</mark>`;
    position = span.end;
  }
  html += escapeHtml(plain.slice(position, end));
  return (start > 0 ? ELLIPSIS : '') + html + (end < plain.length ? ELLIPSIS : '');
}

// The match sits about a third of the way in, so the reader sees what leads up to it; cuts fall
// on spaces so no word is split.
function excerptBounds(plain: string, match: WordSpan | undefined, maxLength: number): [number, number] {
  if (plain.length <= maxLength) return [0, plain.length];
  const anchor = match ? match.start : 0;
  let start = Math.max(0, Math.min(anchor - Math.floor(maxLength / 3), plain.length - maxLength));
  if (start > 0 && plain.charAt(start - 1) !== ' ') {
    const nextSpace = plain.indexOf(' ', start);
    if (nextSpace !== -1 && nextSpace < anchor) start = nextSpace + 1;
  }
  let end = Math.min(plain.length, start + maxLength);
  if (end < plain.length && plain.charAt(end) !== ' ') {
    const lastSpace = plain.lastIndexOf(' ', end);
    if (lastSpace > start && (!match || lastSpace >= match.end)) end = lastSpace;
  }
  return [start, plain.slice(start, end).trimEnd().length + start];
}
