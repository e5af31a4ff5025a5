import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What working a ticket needs: history, comments, attachments, idempotency keys, suggestions. */
export class TicketWork1763800000110 implements MigrationInterface {
  name = 'TicketWork1763800000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ticket
        ADD COLUMN solved_at DATETIME(3) NULL AFTER assignee_id,
        ADD COLUMN first_responded_at DATETIME(3) NULL AFTER solved_at,
        ADD COLUMN first_response_comment_id CHAR(36) NULL AFTER first_responded_at,
        ADD COLUMN suggestions_updated_at DATETIME(3) NULL AFTER sla_updated_at,
        ADD KEY idx_ticket_status (status, id),
        ADD KEY idx_ticket_assignee (assignee_id, id)`);
    await queryRunner.query(`
      CREATE TABLE ticket_status_change (
        id BIGINT NOT NULL AUTO_INCREMENT,
        ticket_id CHAR(36) NOT NULL,
        previous_status VARCHAR(16) NULL,
        status VARCHAR(16) NOT NULL,
        reason TEXT NULL,
        changed_by VARCHAR(128) NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY idx_status_change_ticket (ticket_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE ticket_comment (
        id CHAR(36) NOT NULL,
        ticket_id CHAR(36) NOT NULL,
        author_id VARCHAR(128) NOT NULL,
        author_role VARCHAR(16) NOT NULL,
        is_public TINYINT(1) NOT NULL,
        body MEDIUMTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY idx_comment_ticket (ticket_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE ticket_attachment (
        id CHAR(36) NOT NULL,
        ticket_id CHAR(36) NOT NULL,
        sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        filename VARCHAR(255) NOT NULL,
        content_type VARCHAR(127) NOT NULL,
        declared_content_type VARCHAR(127) NULL,
        size_bytes INT UNSIGNED NOT NULL,
        uploaded_by VARCHAR(128) NOT NULL,
        uploaded_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY idx_attachment_ticket (ticket_id, id),
        KEY idx_attachment_sha256 (sha256)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // keys compare byte for byte: "Abc" and "abc" are two keys, as clients generating them expect
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        caller_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        request_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        ticket_id CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (caller_id, idempotency_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_suggested_article');
    await queryRunner.query('DROP TABLE idempotency_key');
    await queryRunner.query('DROP TABLE ticket_attachment');
    await queryRunner.query('DROP TABLE ticket_comment');
    await queryRunner.query('DROP TABLE ticket_status_change');
    await queryRunner.query(`
      ALTER TABLE ticket
        DROP KEY idx_ticket_assignee,
        DROP KEY idx_ticket_status,
        DROP COLUMN suggestions_updated_at,
        DROP COLUMN first_response_comment_id,
        DROP COLUMN first_responded_at,
        DROP COLUMN solved_at`);
  }
}
