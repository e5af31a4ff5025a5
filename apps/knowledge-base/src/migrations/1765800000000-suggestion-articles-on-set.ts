import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The articles of a shown set move from `kb_suggestion_item` rows (one per article, each with a
 * secondary index entry and a foreign-key check) into one JSON list on the set's row,
 * `kb_suggestion.articles`, in rank order: `[{ articleId, servedLocale, score }]`. A set is
 * written once and read whole; the help-center statistics unpack the lists with `JSON_TABLE`.
 * `down` writes the rows back (positions from 1, as they were).
 */
export class SuggestionArticlesOnSet1765800000000 implements MigrationInterface {
  name = 'SuggestionArticlesOnSet1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE kb_suggestion ADD COLUMN articles JSON NULL AFTER search_terms');
    // GROUP_CONCAT of JSON_OBJECT runs on MySQL 8 too (which has no JSON_ARRAYAGG … ORDER BY); a
    // set holds a handful of articles, far below the raised limit
    await queryRunner.query('SET SESSION group_concat_max_len = 1048576');
    await queryRunner.query(`
      UPDATE kb_suggestion s JOIN (
        SELECT suggestion_id,
               CONCAT('[', GROUP_CONCAT(JSON_OBJECT('articleId', article_id, 'servedLocale', served_locale, 'score', score)
                                        ORDER BY position SEPARATOR ','), ']') AS articles
          FROM kb_suggestion_item GROUP BY suggestion_id) i ON i.suggestion_id = s.id
         SET s.articles = i.articles`);
    await queryRunner.query(`UPDATE kb_suggestion SET articles = '[]' WHERE articles IS NULL`);
    await queryRunner.query('ALTER TABLE kb_suggestion MODIFY COLUMN articles JSON NOT NULL');
    await queryRunner.query('DROP TABLE kb_suggestion_item');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // the table as migration 400 created it (frozen history: its DDL is repeated, not shared)
    await queryRunner.query(`
      CREATE TABLE kb_suggestion_item (
        suggestion_id CHAR(36) NOT NULL,
        position TINYINT UNSIGNED NOT NULL,
        article_id CHAR(36) NOT NULL,
        served_locale VARCHAR(8) NOT NULL,
        score DOUBLE NOT NULL,
        PRIMARY KEY (suggestion_id, position),
        KEY idx_kb_suggestion_item_article (article_id),
        CONSTRAINT fk_kb_suggestion_item_suggestion FOREIGN KEY (suggestion_id) REFERENCES kb_suggestion (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO kb_suggestion_item (suggestion_id, position, article_id, served_locale, score)
      SELECT s.id, j.position, j.article_id, j.served_locale, j.score
        FROM kb_suggestion s
        CROSS JOIN JSON_TABLE(s.articles, '$[*]' COLUMNS (
          position FOR ORDINALITY,
          article_id VARCHAR(255) PATH '$.articleId',
          served_locale VARCHAR(255) PATH '$.servedLocale',
          score DOUBLE PATH '$.score')) AS j`);
    await queryRunner.query('ALTER TABLE kb_suggestion DROP COLUMN articles');
  }
}
