import { plainText, searchableWords } from '@support/domain-knowledge';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTermCounts, DOCUMENT_COUNT_TERM, searchDocuments, SEARCH_DOCUMENT_COLUMNS, searchDocumentValues } from '../search/search-index';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BATCH = 200;

/**
 * Search at scale: a term index in ordinary B-tree tables (kb_search_document, kb_search_posting,
 * kb_search_term; see search/search-index.ts) replaces the three InnoDB FULLTEXT indexes on
 * kb_article_translation, whose match-everything-then-sort cost grows with every matching row.
 * The index is filled from the published articles already stored.
 */
export class SearchIndex1763800000500 implements MigrationInterface {
  name = 'SearchIndex1763800000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kb_search_document (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        article_id CHAR(36) NOT NULL,
        locale VARCHAR(8) NOT NULL,
        other_locales VARCHAR(64) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        audience VARCHAR(24) NOT NULL,
        category_id CHAR(36) NOT NULL,
        title VARCHAR(200) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_search_document (article_id, locale)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_search_posting (
        document_id INT UNSIGNED NOT NULL,
        term VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        weight FLOAT NOT NULL,
        PRIMARY KEY (document_id, term),
        KEY idx_kb_search_posting_term (term, weight),
        CONSTRAINT fk_kb_search_posting_document FOREIGN KEY (document_id) REFERENCES kb_search_document (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_search_term (
        term VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        documents INT NOT NULL,
        PRIMARY KEY (term)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query('INSERT INTO kb_search_term (term, documents) VALUES (?, 0)', [DOCUMENT_COUNT_TERM]);
    await fillIndex(queryRunner);
    await queryRunner.query(`
      ALTER TABLE kb_article_translation
        DROP INDEX ft_kb_translation_title, DROP INDEX ft_kb_translation_body, DROP INDEX ft_kb_translation_all,
        DROP COLUMN search_title, DROP COLUMN search_body`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE kb_article_translation ADD COLUMN search_title TEXT NOT NULL, ADD COLUMN search_body MEDIUMTEXT NOT NULL',
    );
    const rows: Array<{ articleId: string; locale: string; title: string; body: string; errorCodes: string | string[] }> =
      await queryRunner.query(
        `SELECT t.article_id AS articleId, t.locale, t.title, t.body, a.error_codes AS errorCodes
         FROM kb_article_translation t JOIN kb_article a ON a.id = t.article_id`,
      );
    const line = (words: readonly string[]) => (words.length === 0 ? ' ' : ` ${words.join(' ')} `);
    for (const row of rows) {
      const codes = typeof row.errorCodes === 'string' ? (JSON.parse(row.errorCodes) as string[]) : row.errorCodes;
      await queryRunner.query('UPDATE kb_article_translation SET search_title = ?, search_body = ? WHERE article_id = ? AND locale = ?', [
        line([...searchableWords(plainText(row.title)), ...codes]),
        line(searchableWords(plainText(row.body))),
        row.articleId,
        row.locale,
      ]);
    }
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
    try {
      await queryRunner.query(`
        ALTER TABLE kb_article_translation ADD FULLTEXT KEY ft_kb_translation_title (search_title),
          ADD FULLTEXT KEY ft_kb_translation_body (search_body), ADD FULLTEXT KEY ft_kb_translation_all (search_title, search_body)`);
    } finally {
      await queryRunner.query('SET SESSION innodb_ft_enable_stopword = DEFAULT');
    }
    for (const table of ['kb_search_posting', 'kb_search_term', 'kb_search_document']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}

async function fillIndex(queryRunner: QueryRunner): Promise<void> {
  const articles: Array<{ id: string; status: string; kind: string; audience: string; categoryId: string; errorCodes: string | string[] }> =
    await queryRunner.query(
      `SELECT a.id, a.status, a.kind, a.audience, s.category_id AS categoryId, a.error_codes AS errorCodes
         FROM kb_article a JOIN kb_section s ON s.id = a.section_id WHERE a.status = 'published' ORDER BY a.id`,
    );
  const counts = new Map<string, number>();
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    const translations: Array<{ articleId: string; locale: string; title: string; body: string; updatedAt: Date }> =
      await queryRunner.query(
        `SELECT article_id AS articleId, locale, title, body, updated_at AS updatedAt FROM kb_article_translation
        WHERE article_id IN (${batch.map(() => '?').join(', ')}) ORDER BY article_id, locale`,
        batch.map((a) => a.id),
      );
    for (const article of batch) {
      const errorCodes = typeof article.errorCodes === 'string' ? (JSON.parse(article.errorCodes) as string[]) : article.errorCodes;
      const own = translations.filter((t) => t.articleId === article.id);
      for (const document of searchDocuments({ ...article, errorCodes, translations: own })) {
        const result: { insertId: number } = await queryRunner.query(
          `INSERT INTO kb_search_document ${SEARCH_DOCUMENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          searchDocumentValues(document),
        );
        const postings = [...document.terms];
        if (postings.length > 0) {
          await queryRunner.query(
            `INSERT INTO kb_search_posting (document_id, term, weight) VALUES ${postings.map(() => '(?, ?, ?)').join(', ')}`,
            postings.flatMap(([term, weight]) => [result.insertId, term, weight]),
          );
        }
        counts.set(DOCUMENT_COUNT_TERM, (counts.get(DOCUMENT_COUNT_TERM) ?? 0) + 1);
        for (const term of document.terms.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
  }
  await addTermCounts(queryRunner, counts);
}
