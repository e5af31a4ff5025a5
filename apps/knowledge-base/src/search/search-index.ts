import { analyzeDocument, COUNTED_FORM, SOURCE_LOCALE } from '@support/domain-knowledge';
import type { EntityManager } from 'typeorm';

/**
 * The search index: one `kb_search_document` row per translation readers can be served (published
 * articles only) with what a search filters and ranks by, and its terms in `kb_search_posting`
 * (document, term, weight), ordered by (term, weight) so that the best documents for a term are
 * the first rows of an index range. `kb_search_term` counts the documents holding each term (for
 * its rarity) and, under DOCUMENT_COUNT_TERM, all documents. Every article write calls
 * reindexArticle in its own transaction, so the index never disagrees with what readers see.
 *
 * Each posting and title word also carries its document's locale and other locales (migration
 * 1765400000100), so that the indexes a search reads, (term, locale, weight, other_locales) and
 * (locale, form, other_locales), answer which documents a reader may be served by themselves.
 *
 * Terms are Snowball stems of each text in its own language (documentStemWeights of the domain
 * library: folded case, accents and ё, stop words of the language dropped). Beside them,
 * `kb_search_title_word` holds each document's title words as written (folded) for prefix
 * autocompletion, and `kb_search_form` every indexed word as written with its stem: the
 * dictionary typos are corrected against.
 */
export const DOCUMENT_COUNT_TERM = '_documents';

export interface IndexedArticle {
  id: string;
  status: string;
  kind: string;
  audience: string;
  categoryId: string;
  errorCodes: readonly string[];
  translations: ReadonlyArray<{ locale: string; title: string; body: string; updatedAt: Date }>;
}

export interface SearchDocument {
  articleId: string;
  locale: string;
  /** the article's other locales: a reader of one of them is served that translation instead */
  otherLocales: string;
  kind: string;
  audience: string;
  categoryId: string;
  title: string;
  updatedAt: Date;
  terms: Map<string, number>;
  /** the title's words as written, folded (autocomplete) */
  titleWords: string[];
  /** each word as written (folded, 4+ letters) with its stem (typo correction) */
  forms: Map<string, string>;
}

/**
 * Words shorter than this are not offered as typo corrections (typos are tolerated from 5 letters),
 * nor counted in the dictionary a query is planned with (planQuery relies on that length).
 */
export const MIN_CORRECTABLE_FORM = COUNTED_FORM;

function correctableForms(all: ReadonlyMap<string, string>): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [form, stem] of all) {
    if ([...form].length >= MIN_CORRECTABLE_FORM && !/^\p{N}+$/u.test(form)) forms.set(form, stem);
  }
  return forms;
}

/** The documents an article contributes to the index: none unless it is published. */
export function searchDocuments(article: IndexedArticle): SearchDocument[] {
  if (article.status !== 'published') return [];
  const locales = article.translations.map((t) => t.locale);
  return article.translations.map((t) => {
    const analysis = analyzeDocument({ title: t.title, body: t.body, keywords: article.errorCodes }, t.locale);
    return {
      articleId: article.id,
      locale: t.locale,
      otherLocales:
        t.locale === SOURCE_LOCALE
          ? locales
              .filter((l) => l !== SOURCE_LOCALE)
              .sort()
              .join(',')
          : '',
      kind: article.kind,
      audience: article.audience,
      categoryId: article.categoryId,
      title: t.title,
      updatedAt: t.updatedAt,
      terms: analysis.weights,
      titleWords: analysis.titleForms,
      forms: correctableForms(analysis.forms),
    };
  });
}

export const SEARCH_DOCUMENT_COLUMNS = '(article_id, locale, other_locales, kind, audience, category_id, title, updated_at)';

export function searchDocumentValues(document: SearchDocument): unknown[] {
  return [
    document.articleId,
    document.locale,
    document.otherLocales,
    document.kind,
    document.audience,
    document.categoryId,
    document.title,
    document.updatedAt,
  ];
}

/** Brings the article's entries in the search index up to date with what is stored for it. */
export async function reindexArticle(manager: EntityManager, articleId: string): Promise<void> {
  const [articles, translations] = await Promise.all([
    manager.query(
      `SELECT a.status, a.kind, a.audience, a.error_codes AS errorCodes, s.category_id AS categoryId
         FROM kb_article a JOIN kb_section s ON s.id = a.section_id WHERE a.id = ?`,
      [articleId],
    ) as Promise<Array<{ status: string; kind: string; audience: string; errorCodes: string | string[]; categoryId: string }>>,
    manager.query('SELECT locale, title, body, updated_at AS updatedAt FROM kb_article_translation WHERE article_id = ? ORDER BY locale', [
      articleId,
    ]) as Promise<Array<{ locale: string; title: string; body: string; updatedAt: Date }>>,
  ]);
  await removeFromIndex(manager, articleId);
  const row = articles[0];
  if (!row) return;
  const errorCodes = typeof row.errorCodes === 'string' ? (JSON.parse(row.errorCodes) as string[]) : row.errorCodes;
  const documents = searchDocuments({ id: articleId, ...row, errorCodes, translations });
  if (documents.length === 0) return;

  await writeDocuments(manager, documents);
}

/**
 * Inserts documents with their postings, title words, word forms and term counts (the caller
 * removed older entries of the same articles). Used by reindexArticle and the index rebuild.
 */
export async function writeDocuments(manager: Pick<EntityManager, 'query'>, documents: readonly SearchDocument[]): Promise<void> {
  const counts = new Map<string, number>([[DOCUMENT_COUNT_TERM, documents.length]]);
  const forms = new Map<string, string>();
  for (const document of documents) {
    const result: { insertId: number } = await manager.query(
      `INSERT INTO kb_search_document ${SEARCH_DOCUMENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      searchDocumentValues(document),
    );
    const postings = [...document.terms];
    for (let i = 0; i < postings.length; i += 2000) {
      const chunk = postings.slice(i, i + 2000);
      await manager.query(
        `INSERT INTO kb_search_posting (document_id, term, weight, locale, other_locales) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(([term, weight]) => [result.insertId, term, weight, document.locale, document.otherLocales]),
      );
    }
    if (document.titleWords.length > 0) {
      await manager.query(
        `INSERT IGNORE INTO kb_search_title_word (form, document_id, locale, other_locales) VALUES ${document.titleWords.map(() => '(?, ?, ?, ?)').join(', ')}`,
        document.titleWords.flatMap((form) => [form, result.insertId, document.locale, document.otherLocales]),
      );
    }
    for (const term of document.terms.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [form, stem] of document.forms) forms.set(`${form}\u0000${stem}`, stem);
  }
  await addWordForms(
    manager,
    [...forms.keys()].map((key) => key.split('\u0000') as [string, string]),
  );
  await addTermCounts(manager, counts);
}

/** Records words as written with their stems (never removed: a form whose stem left the index corrects to nothing). */
export async function addWordForms(manager: Pick<EntityManager, 'query'>, forms: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const sorted = [...forms].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  for (let i = 0; i < sorted.length; i += 1000) {
    const chunk = sorted.slice(i, i + 1000);
    await manager.query(`INSERT IGNORE INTO kb_search_form (form, stem) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
  }
}

async function removeFromIndex(manager: EntityManager, articleId: string): Promise<void> {
  const old: Array<{ term: string; n: number | string }> = await manager.query(
    `SELECT p.term, COUNT(*) AS n FROM kb_search_document d JOIN kb_search_posting p ON p.document_id = d.id
      WHERE d.article_id = ? GROUP BY p.term
     UNION ALL
     SELECT ?, COUNT(*) FROM kb_search_document WHERE article_id = ?`,
    [articleId, DOCUMENT_COUNT_TERM, articleId],
  );
  const counts = new Map(old.filter((o) => Number(o.n) > 0).map((o) => [o.term, -Number(o.n)]));
  if (counts.size === 0) return;
  await manager.query('DELETE FROM kb_search_document WHERE article_id = ?', [articleId]);
  await addTermCounts(manager, counts);
}

/** Adds to the per-term document counts, in term order so concurrent writers never deadlock. */
export async function addTermCounts(manager: Pick<EntityManager, 'query'>, counts: ReadonlyMap<string, number>): Promise<void> {
  const entries = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000);
    await manager.query(
      `INSERT INTO kb_search_term (term, documents) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE documents = documents + VALUES(documents)`,
      chunk.flatMap(([term, n]) => [term, n]),
    );
  }
}

/**
 * Empties the index and fills it again from the published articles stored (after a change of
 * the analysis: a migration calls it, so deployments re-index before the new version serves).
 */
export async function rebuildSearchIndex(manager: Pick<EntityManager, 'query'>, batchSize = 200): Promise<void> {
  await manager.query('DELETE FROM kb_search_document');
  await manager.query('DELETE FROM kb_search_term');
  await manager.query('INSERT INTO kb_search_term (term, documents) VALUES (?, 0)', [DOCUMENT_COUNT_TERM]);
  const articles: Array<{ id: string; status: string; kind: string; audience: string; categoryId: string; errorCodes: string | string[] }> =
    await manager.query(
      `SELECT a.id, a.status, a.kind, a.audience, s.category_id AS categoryId, a.error_codes AS errorCodes
         FROM kb_article a JOIN kb_section s ON s.id = a.section_id WHERE a.status = 'published' ORDER BY a.id`,
    );
  for (let i = 0; i < articles.length; i += batchSize) {
    const batch = articles.slice(i, i + batchSize);
    const translations: Array<{ articleId: string; locale: string; title: string; body: string; updatedAt: Date }> = await manager.query(
      `SELECT article_id AS articleId, locale, title, body, updated_at AS updatedAt FROM kb_article_translation
        WHERE article_id IN (${batch.map(() => '?').join(', ')}) ORDER BY article_id, locale`,
      batch.map((a) => a.id),
    );
    const documents = batch.flatMap((article) => {
      const errorCodes = typeof article.errorCodes === 'string' ? (JSON.parse(article.errorCodes) as string[]) : article.errorCodes;
      return searchDocuments({ ...article, errorCodes, translations: translations.filter((t) => t.articleId === article.id) });
    });
    await writeDocuments(manager, documents);
  }
}
