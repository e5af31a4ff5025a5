import { documentTermWeights } from '@support/domain-knowledge';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DOCUMENT_COUNT_TERM, addTermCounts } from '../search/search-index';
import { STARTER_SYNONYMS, synonymKey } from '../search/synonyms';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Language-aware search (issue 12): the index holds Snowball stems per language instead of
 * folded words, so it is rebuilt; new tables hold each title's words for autocompletion
 * (`kb_search_title_word`), every indexed word with its stem for typo correction
 * (`kb_search_form`), and the synonyms editors maintain per locale (`kb_search_synonym`,
 * started with a small list of everyday words for the product's terms).
 */
export class LanguageAwareSearch1763800000600 implements MigrationInterface {
  name = 'LanguageAwareSearch1763800000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kb_search_title_word (
        form VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (form, document_id),
        KEY idx_kb_search_title_word_document (document_id),
        CONSTRAINT fk_kb_search_title_word_document FOREIGN KEY (document_id) REFERENCES kb_search_document (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_search_form (
        form VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        stem VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        PRIMARY KEY (form, stem)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_search_synonym (
        id CHAR(36) NOT NULL,
        locale VARCHAR(8) NOT NULL,
        term VARCHAR(100) NOT NULL,
        term_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        synonyms TEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_search_synonym (locale, term_key)
      ) ${TABLE_OPTIONS}`);
    const now = new Date();
    for (const rule of STARTER_SYNONYMS) {
      await queryRunner.query(
        'INSERT INTO kb_search_synonym (id, locale, term, term_key, synonyms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [uuidv7(), rule.locale, rule.term, synonymKey(rule.term, rule.locale), JSON.stringify(rule.synonyms), now, now],
      );
    }
    // the index is rebuilt with the language-aware analysis by migration 1765400000100, once its postings
    // and title words carry their locales (the writer of today's index writes those columns)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['kb_search_synonym', 'kb_search_form', 'kb_search_title_word']) await queryRunner.query(`DROP TABLE ${table}`);
    // back to folded words (the previous analysis)
    await queryRunner.query('DELETE FROM kb_search_posting');
    await queryRunner.query('UPDATE kb_search_term SET documents = 0 WHERE term <> ?', [DOCUMENT_COUNT_TERM]);
    const rows: Array<{ id: number; title: string; body: string; errorCodes: string | string[] }> = await queryRunner.query(
      `SELECT d.id, t.title, t.body, a.error_codes AS errorCodes FROM kb_search_document d
         JOIN kb_article_translation t ON t.article_id = d.article_id AND t.locale = d.locale JOIN kb_article a ON a.id = d.article_id`,
    );
    const counts = new Map<string, number>();
    for (const row of rows) {
      const keywords = typeof row.errorCodes === 'string' ? (JSON.parse(row.errorCodes) as string[]) : row.errorCodes;
      const terms = [...documentTermWeights({ title: row.title, body: row.body, keywords })];
      if (terms.length === 0) continue;
      await queryRunner.query(
        `INSERT INTO kb_search_posting (document_id, term, weight) VALUES ${terms.map(() => '(?, ?, ?)').join(', ')}`,
        terms.flatMap(([term, weight]) => [row.id, term, weight]),
      );
      for (const [term] of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    await queryRunner.query('DELETE FROM kb_search_term WHERE term <> ?', [DOCUMENT_COUNT_TERM]);
    await addTermCounts(queryRunner, counts);
  }
}
