import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base's suggestions for a ticket move off the ticket's row into a row of their own,
 * `ticket_suggestions` (the ticket's id, the set's time, its list in rank order), and the ticket
 * keeps one flag, `awaiting_suggestions`, for the anti-entropy index.
 *
 * Written on the ticket, the list and its time made the row longer: InnoDB moved the whole record,
 * description included, within its page and logged it again (3.3–3.5 KB of redo and about 26
 * buffer-pool page requests per ticket, and every later update of the ticket moved the longer
 * row). The side row is an insert of its own (about 0.3 KB of redo); the flag goes from TRUE to
 * FALSE in the same bytes, in place (bench/README.md, "what the ticket's rows cost the server").
 *
 * `awaiting_suggestions` replaces `expects_suggestions` AND `suggestions_updated_at IS NULL`: TRUE
 * while the knowledge base's answer is owed, FALSE once one arrived or when none is owed
 * (TICKET_REDRIVE_SUGGESTIONS=false when the ticket was filed). `awaiting_since`, whose
 * expression reads it, is dropped with its index and added again.
 * Statements that work on MariaDB 10.6+ and MySQL 8 alike.
 */
export class SuggestionSets1765400000000 implements MigrationInterface {
  name = 'SuggestionSets1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_suggestions (
        ticket_id CHAR(36) NOT NULL,
        suggested_at DATETIME(3) NOT NULL,
        articles JSON NOT NULL,
        PRIMARY KEY (ticket_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO ticket_suggestions (ticket_id, suggested_at, articles)
      SELECT id, suggestions_updated_at, COALESCE(suggested_articles, '[]') FROM ticket WHERE suggestions_updated_at IS NOT NULL`);
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_since, DROP COLUMN awaiting_since');
    await queryRunner.query('ALTER TABLE ticket CHANGE COLUMN expects_suggestions awaiting_suggestions BOOLEAN NOT NULL DEFAULT TRUE');
    await queryRunner.query('UPDATE ticket SET awaiting_suggestions = FALSE WHERE suggestions_updated_at IS NOT NULL');
    // the expression as the entity states it (AWAITING_SINCE_EXPRESSION), written out: a migration does not change later
    await queryRunner.query(`
      ALTER TABLE ticket DROP COLUMN suggested_articles, DROP COLUMN suggestions_updated_at,
        ADD COLUMN awaiting_since DATETIME(3) AS (IF(entitlement_status = 'pending'
          OR (entitlement_status = 'entitled' AND sla_clock_state IS NULL AND first_responded_at IS NULL
              AND status NOT IN ('solved', 'closed', 'rejected'))
          OR awaiting_suggestions,
        created_at, NULL)) VIRTUAL`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_since (awaiting_since)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_since, DROP COLUMN awaiting_since');
    await queryRunner.query(`
      ALTER TABLE ticket ADD COLUMN suggestions_updated_at DATETIME(3) NULL AFTER first_response_comment_id,
        ADD COLUMN suggested_articles JSON NULL AFTER suggestions_updated_at`);
    await queryRunner.query(`
      UPDATE ticket t JOIN ticket_suggestions s ON s.ticket_id = t.id
         SET t.suggestions_updated_at = s.suggested_at, t.suggested_articles = s.articles`);
    // expected: still awaited, or arrived
    await queryRunner.query('ALTER TABLE ticket CHANGE COLUMN awaiting_suggestions expects_suggestions BOOLEAN NOT NULL DEFAULT TRUE');
    await queryRunner.query('UPDATE ticket SET expects_suggestions = TRUE WHERE suggestions_updated_at IS NOT NULL');
    await queryRunner.query(`
      ALTER TABLE ticket ADD COLUMN awaiting_since DATETIME(3) AS (IF(entitlement_status = 'pending'
          OR (entitlement_status = 'entitled' AND sla_clock_state IS NULL AND first_responded_at IS NULL
              AND status NOT IN ('solved', 'closed', 'rejected'))
          OR (expects_suggestions AND suggestions_updated_at IS NULL),
        created_at, NULL)) VIRTUAL`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_since (awaiting_since)');
    await queryRunner.query('DROP TABLE ticket_suggestions');
  }
}
