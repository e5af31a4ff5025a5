import { documentTermWeights, SOURCE_LOCALE } from '@support/domain-knowledge';
import type { EntityManager } from 'typeorm';

/**
 * The search index: one `kb_search_document` row per translation readers can be served (published
 * articles only) with what a search filters and ranks by, and its terms in `kb_search_posting`
 * (document, term, weight), ordered by (term, weight) so that the best documents for a term are
 * the first rows of an index range. `kb_search_term` counts the documents holding each term (for
 * its rarity) and, under DOCUMENT_COUNT_TERM, all documents. Every article write calls
 * reindexArticle in its own transaction, so the index never disagrees with what readers see.
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
}

/** The documents an article contributes to the index: none unless it is published. */
export function searchDocuments(article: IndexedArticle): SearchDocument[] {
  if (article.status !== 'published') return [];
  const locales = article.translations.map((t) => t.locale);
  return article.translations.map((t) => ({
    articleId: article.id,
    locale: t.locale,
    otherLocales: t.locale === SOURCE_LOCALE ? locales.filter((l) => l !== SOURCE_LOCALE).sort().join(',') : '',
    kind: article.kind,
    audience: article.audience,
    categoryId: article.categoryId,
    title: t.title,
    updatedAt: t.updatedAt,
    terms: documentTermWeights({ title: t.title, body: t.body, keywords: article.errorCodes }),
  }));
}

export const SEARCH_DOCUMENT_COLUMNS = '(article_id, locale, other_locales, kind, audience, category_id, title, updated_at)';

export function searchDocumentValues(document: SearchDocument): unknown[] {
  return [document.articleId, document.locale, document.otherLocales, document.kind, document.audience, document.categoryId, document.title, document.updatedAt];
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

  const counts = new Map<string, number>([[DOCUMENT_COUNT_TERM, documents.length]]);
  for (const document of documents) {
    const result: { insertId: number } = await manager.query(
      `INSERT INTO kb_search_document ${SEARCH_DOCUMENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      searchDocumentValues(document),
    );
    const postings = [...document.terms];
    if (postings.length > 0) {
      await manager.query(
        `INSERT INTO kb_search_posting (document_id, term, weight) VALUES ${postings.map(() => '(?, ?, ?)').join(', ')}`,
        postings.flatMap(([term, weight]) => [result.insertId, term, weight]),
      );
    }
    for (const term of document.terms.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  await addTermCounts(manager, counts);
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
