import { plainText, searchableWords } from '@support/domain-knowledge';

// Words one space apart with a space at each end: the FULLTEXT parser splits them exactly as the
// query parser did, and LIKE '% term%' finds a word that starts with the term.
function wordLine(words: readonly string[]): string {
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}

/** The searchable form of a title: its visible words plus the article's error codes. */
export function searchableTitle(title: string, errorCodes: readonly string[]): string {
  return wordLine([...searchableWords(plainText(title)), ...errorCodes]);
}

/** The searchable form of a Markdown body: the words a reader sees. */
export function searchableBody(body: string): string {
  return wordLine(searchableWords(plainText(body)));
}
