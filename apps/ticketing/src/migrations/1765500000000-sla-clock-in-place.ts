import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket's SLA columns keep their length when the first-response clock is shown, so InnoDB
 * updates the row in place instead of moving it.
 *
 * `sla_clock_state`, `sla_first_response_due_at` and `sla_updated_at` were NULL until the clock
 * started. In InnoDB's COMPACT and DYNAMIC formats a NULL takes no room, so showing the clock made
 * the row longer: InnoDB moved the whole record, description included, within its page and logged
 * it again (about 1.8 KB of redo per ticket; bench/README.md, "what the ticket's rows cost the
 * server"). Now:
 * - `sla_clock_state` is `CHAR(16)` in ASCII, NOT NULL, `''` for "no clock": a fixed-length
 *   column in these formats (a multi-byte character set would make a CHAR variable-length);
 * - the two times are NOT NULL, with `1000-01-01 00:00:00.000` for "none" (NO_TIME in the entity,
 *   which reads it as null).
 * `awaiting_since`, whose expression reads the state, is dropped with its index and added again.
 * Statements that work on MariaDB 10.6+ and MySQL 8 alike.
 */
export class SlaClockInPlace1765500000000 implements MigrationInterface {
  name = 'SlaClockInPlace1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_since, DROP COLUMN awaiting_since');
    await queryRunner.query(`
      UPDATE ticket SET sla_clock_state = COALESCE(sla_clock_state, ''),
                        sla_first_response_due_at = COALESCE(sla_first_response_due_at, '1000-01-01 00:00:00.000'),
                        sla_updated_at = COALESCE(sla_updated_at, '1000-01-01 00:00:00.000')
       WHERE sla_clock_state IS NULL OR sla_first_response_due_at IS NULL OR sla_updated_at IS NULL`);
    // the expression as the entity states it (AWAITING_SINCE_EXPRESSION), written out: a migration does not change later
    await queryRunner.query(`
      ALTER TABLE ticket
        MODIFY COLUMN sla_clock_state CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        MODIFY COLUMN sla_first_response_due_at DATETIME(3) NOT NULL DEFAULT '1000-01-01 00:00:00.000',
        MODIFY COLUMN sla_updated_at DATETIME(3) NOT NULL DEFAULT '1000-01-01 00:00:00.000',
        ADD COLUMN awaiting_since DATETIME(3) AS (IF(entitlement_status = 'pending'
          OR (entitlement_status = 'entitled' AND sla_clock_state = '' AND first_responded_at IS NULL
              AND status NOT IN ('solved', 'closed', 'rejected'))
          OR awaiting_suggestions,
        created_at, NULL)) VIRTUAL`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_since (awaiting_since)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_since, DROP COLUMN awaiting_since');
    await queryRunner.query(`
      ALTER TABLE ticket
        MODIFY COLUMN sla_clock_state VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL DEFAULT NULL,
        MODIFY COLUMN sla_first_response_due_at DATETIME(3) NULL DEFAULT NULL,
        MODIFY COLUMN sla_updated_at DATETIME(3) NULL DEFAULT NULL`);
    await queryRunner.query(`
      UPDATE ticket SET sla_clock_state = NULLIF(sla_clock_state, ''),
                        sla_first_response_due_at = NULLIF(sla_first_response_due_at, '1000-01-01 00:00:00.000'),
                        sla_updated_at = NULLIF(sla_updated_at, '1000-01-01 00:00:00.000')`);
    await queryRunner.query(`
      ALTER TABLE ticket ADD COLUMN awaiting_since DATETIME(3) AS (IF(entitlement_status = 'pending'
          OR (entitlement_status = 'entitled' AND sla_clock_state IS NULL AND first_responded_at IS NULL
              AND status NOT IN ('solved', 'closed', 'rejected'))
          OR awaiting_suggestions,
        created_at, NULL)) VIRTUAL`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_since (awaiting_since)');
  }
}
