import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket's suggested articles move from rows of their own (`ticket_suggested_article`, one per
 * article) into one JSON column of the ticket (`suggested_articles`, the list in rank order).
 * They are always replaced and shown as a whole, and the ticket row is written anyway when they
 * arrive (`suggestions_updated_at`): one guarded UPDATE now does what a locking read, a DELETE,
 * a multi-row INSERT and that UPDATE did, and a ticket costs the database five rows fewer.
 * Statements that work on MariaDB 10.6+ and MySQL 8 alike.
 */
export class SuggestionsOnTicket1763800000180 implements MigrationInterface {
  name = 'SuggestionsOnTicket1763800000180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket ADD COLUMN suggested_articles JSON NULL');
    // a list of ten articles is far below this; the default (1 KB on MySQL) is not
    await queryRunner.query('SET SESSION group_concat_max_len = 1048576');
    await queryRunner.query(`
      UPDATE ticket t
        JOIN (SELECT ticket_id,
                     CONCAT('[', GROUP_CONCAT(JSON_OBJECT('articleId', article_id, 'slug', slug, 'title', title,
                                                          'locale', locale, 'score', score)
                                              ORDER BY position SEPARATOR ','), ']') AS articles
                FROM ticket_suggested_article GROUP BY ticket_id) s ON s.ticket_id = t.id
         SET t.suggested_articles = s.articles`);
    await queryRunner.query('DROP TABLE ticket_suggested_article');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_suggested_article (
        ticket_id CHAR(36) NOT NULL,
        position INT NOT NULL,
        article_id VARCHAR(255) NOT NULL,
        slug TEXT NOT NULL,
        title TEXT NOT NULL,
        locale VARCHAR(35) NOT NULL,
        score DOUBLE NOT NULL,
        suggested_at DATETIME(3) NOT NULL,
        PRIMARY KEY (ticket_id, position)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO ticket_suggested_article (ticket_id, position, article_id, slug, title, locale, score, suggested_at)
      SELECT t.id, a.position - 1, a.article_id, a.slug, a.title, a.locale, a.score, t.suggestions_updated_at
        FROM ticket t,
             JSON_TABLE(t.suggested_articles, '$[*]' COLUMNS (
               position FOR ORDINALITY,
               article_id VARCHAR(255) PATH '$.articleId',
               slug TEXT PATH '$.slug',
               title TEXT PATH '$.title',
               locale VARCHAR(35) PATH '$.locale',
               score DOUBLE PATH '$.score')) a
       WHERE t.suggested_articles IS NOT NULL AND t.suggestions_updated_at IS NOT NULL`);
    await queryRunner.query('ALTER TABLE ticket DROP COLUMN suggested_articles');
  }
}
