import { analyzeText, foldForm, queryLanguages, SOURCE_LOCALE, wilsonLowerBound, type Locale } from '@support/domain-knowledge';
import type { DataSource } from 'typeorm';
import type { SearchDictionary } from './search-dictionary';
import type { Completion } from './search-port';

/** rows the autocomplete reads from the title-word index before ranking them */
const COMPLETION_CANDIDATES = 50;
/** postings of the rarest earlier word (per stem and locale) the autocomplete checks for the prefix */
const COMPLETION_DRIVER_POSTINGS = 100;

/** Titles whose words start with what is being typed (the last word a prefix), best first. */
export async function completeTitles(
  dataSource: DataSource,
  dictionary: SearchDictionary,
  text: string,
  locale: Locale,
  limit: number,
): Promise<Completion[]> {
  const typed = String(text ?? '')
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  const prefix = foldForm(typed[typed.length - 1] ?? '');
  if (prefix.length === 0) return [];
  // the complete words before it must be in the document too (any of their stems)
  const complete = typed
    .slice(0, -1)
    .slice(-3)
    .map((word) => [...new Set(queryLanguages(locale).flatMap((l) => analyzeText(word, l).map((w) => w.stem)))])
    .filter((s) => s.length > 0);
  const documents = (stems: readonly string[]) => stems.reduce((sum, stem) => sum + dictionary.documents(stem), 0);
  // with earlier words: driven by the rarest one's best postings (at most COMPLETION_DRIVER_POSTINGS
  // per stem and locale, read from the scope index in weight order), each checked for a title
  // word with the prefix and for the other earlier words; else by the title words with the prefix
  const rarest = [...complete].sort((x, y) => documents(x) - documents(y))[0];
  const others = complete.filter((stems) => stems !== rarest);
  const required = others.map(
    (stems) =>
      ` AND EXISTS (SELECT 1 FROM kb_search_posting q WHERE q.document_id = c.document_id AND q.term IN (${stems.map(() => '?').join(', ')}))`,
  );
  const ranges = (alias: string) =>
    locale === SOURCE_LOCALE
      ? [{ sql: `${alias}.locale = '${SOURCE_LOCALE}'`, params: [] as unknown[] }]
      : [
          { sql: `${alias}.locale = ?`, params: [locale] as unknown[] },
          { sql: `${alias}.locale = '${SOURCE_LOCALE}' AND FIND_IN_SET(?, ${alias}.other_locales) = 0`, params: [locale] as unknown[] },
        ];
  let candidates: { sql: string; params: unknown[] };
  if (rarest) {
    const parts = rarest.flatMap((stem) =>
      ranges('p').map((range) => ({
        sql: `(SELECT p.document_id FROM kb_search_posting p WHERE p.term = ? AND ${range.sql} ORDER BY p.weight DESC LIMIT ${COMPLETION_DRIVER_POSTINGS})`,
        params: [stem, ...range.params],
      })),
    );
    candidates = {
      sql: `SELECT r.document_id FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) r
             WHERE EXISTS (SELECT 1 FROM kb_search_title_word w WHERE w.document_id = r.document_id AND w.form LIKE ?)`,
      params: [...parts.flatMap((part) => part.params), likePrefix(prefix)],
    };
  } else {
    // FORCE INDEX: left alone, the optimizer reads every title word of the locale (ref on locale) instead of the (locale, form) range
    const on = ranges('w');
    candidates = {
      sql: on
        .map(
          (range) =>
            `(SELECT w.document_id FROM kb_search_title_word w FORCE INDEX (idx_kb_search_title_word_scope) WHERE ${range.sql} AND w.form LIKE ? LIMIT ${COMPLETION_CANDIDATES})`,
        )
        .join(' UNION ALL '),
      params: on.flatMap((range) => [...range.params, likePrefix(prefix)]),
    };
  }
  const rows: Array<{
    articleId: string;
    servedLocale: string;
    title: string;
    slug: string;
    helpfulVotes: number | string;
    notHelpfulVotes: number | string;
  }> = await dataSource.query(
    `SELECT d.article_id AS articleId, d.locale AS servedLocale, d.title, a.slug, a.helpful_votes AS helpfulVotes, a.not_helpful_votes AS notHelpfulVotes
         FROM (SELECT DISTINCT c.document_id FROM (${candidates.sql}) c WHERE TRUE${required.join('')} LIMIT ${COMPLETION_CANDIDATES}) k
         JOIN kb_search_document d ON d.id = k.document_id
         JOIN kb_article a ON a.id = d.article_id`,
    [...candidates.params, ...others.flat()],
  );
  const seen = new Set<string>();
  return rows
    .map((row) => {
      const forms = analyzeText(row.title, row.servedLocale).map((w) => w.form);
      const helpful = Number(row.helpfulVotes) + 1;
      return {
        row,
        whole: forms.includes(prefix) ? 1 : 0,
        first: forms[0]?.startsWith(prefix) ? 1 : 0,
        helpfulness: wilsonLowerBound(helpful, helpful + Number(row.notHelpfulVotes) + 1),
      };
    })
    .sort(
      (a, b) =>
        b.whole - a.whole ||
        b.first - a.first ||
        b.helpfulness - a.helpfulness ||
        a.row.title.length - b.row.title.length ||
        (a.row.articleId < b.row.articleId ? -1 : 1),
    )
    .filter(({ row }) => !seen.has(row.articleId) && seen.add(row.articleId) !== undefined)
    .slice(0, limit)
    .map(({ row }) => ({ articleId: row.articleId, slug: row.slug, title: row.title, servedLocale: row.servedLocale as Locale }));
}

function likePrefix(word: string): string {
  return `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
