import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan check shown on a ticket no longer makes the ticket's row longer: what the lists and the
 * anti-entropy sweeps read stays on the ticket at a fixed length, written in place; what only the
 * ticket's page shows moves into a row of its own, `ticket_plan_check`.
 *
 * `entitlement_reason`, `entitlement_message`, `entitlement_plan`, `entitlement_channels` and
 * `entitlement_decided_at` were NULL until the plan check arrived. In InnoDB's COMPACT and DYNAMIC
 * formats a NULL takes no room, so showing the decision made the row longer: InnoDB moved the
 * whole record, description included, within its page and logged it again (1.7–1.9 KB of redo per
 * ticket, the last update of the ticket that did; bench/README.md). Now:
 * - `entitlement_status` is `CHAR(16)` in ASCII (its values are a fixed vocabulary; a multi-byte
 *   CHAR would be variable-length);
 * - `entitlement_reason` is `CHAR(64)`, NOT NULL, `''` for "not decided": InnoDB keeps a CHAR of a
 *   multi-byte character set at its declared length in bytes whenever the value fits (a reason is
 *   machine-readable ASCII), so the decision rewrites it in place;
 * - `entitlement_decided_at` is NOT NULL, `1000-01-01 00:00:00.000` for "not decided" (NO_TIME);
 * - the message, the plan and the channels are in `ticket_plan_check`, one row per decided ticket,
 *   keyed by the ticket and guarded by the decision's time as the ticket is.
 * `awaiting_since`, whose expression reads the status, is dropped with its index and added again.
 * Statements that work on MariaDB 10.6+ and MySQL 8 alike.
 */
export class PlanCheckInPlace1765600000000 implements MigrationInterface {
  name = 'PlanCheckInPlace1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_plan_check (
        ticket_id CHAR(36) NOT NULL,
        decided_at DATETIME(3) NOT NULL,
        message TEXT NOT NULL,
        plan VARCHAR(16) NULL,
        channels JSON NOT NULL,
        PRIMARY KEY (ticket_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO ticket_plan_check (ticket_id, decided_at, message, plan, channels)
      SELECT id, entitlement_decided_at, COALESCE(entitlement_message, ''), entitlement_plan, COALESCE(entitlement_channels, '{}')
        FROM ticket WHERE entitlement_decided_at IS NOT NULL`);
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_since, DROP COLUMN awaiting_since');
    await queryRunner.query(`
      UPDATE ticket SET entitlement_reason = COALESCE(entitlement_reason, ''),
                        entitlement_decided_at = COALESCE(entitlement_decided_at, '1000-01-01 00:00:00.000')
       WHERE entitlement_reason IS NULL OR entitlement_decided_at IS NULL`);
    // the expression as the entity states it (AWAITING_SINCE_EXPRESSION), written out: a migration does not change later
    await queryRunner.query(`
      ALTER TABLE ticket
        DROP COLUMN entitlement_message, DROP COLUMN entitlement_plan, DROP COLUMN entitlement_channels,
        MODIFY COLUMN entitlement_status CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        MODIFY COLUMN entitlement_reason CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
        MODIFY COLUMN entitlement_decided_at DATETIME(3) NOT NULL DEFAULT '1000-01-01 00:00:00.000',
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
        MODIFY COLUMN entitlement_status VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
        MODIFY COLUMN entitlement_reason VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL DEFAULT NULL,
        ADD COLUMN entitlement_message TEXT NULL AFTER entitlement_reason,
        ADD COLUMN entitlement_plan VARCHAR(16) NULL AFTER entitlement_message,
        ADD COLUMN entitlement_channels JSON NULL AFTER entitlement_plan,
        MODIFY COLUMN entitlement_decided_at DATETIME(3) NULL DEFAULT NULL`);
    await queryRunner.query(`
      UPDATE ticket SET entitlement_reason = NULLIF(entitlement_reason, ''),
                        entitlement_decided_at = NULLIF(entitlement_decided_at, '1000-01-01 00:00:00.000')`);
    await queryRunner.query(`
      UPDATE ticket t JOIN ticket_plan_check c ON c.ticket_id = t.id
         SET t.entitlement_message = c.message, t.entitlement_plan = c.plan, t.entitlement_channels = c.channels`);
    await queryRunner.query(`
      ALTER TABLE ticket ADD COLUMN awaiting_since DATETIME(3) AS (IF(entitlement_status = 'pending'
          OR (entitlement_status = 'entitled' AND sla_clock_state = '' AND first_responded_at IS NULL
              AND status NOT IN ('solved', 'closed', 'rejected'))
          OR awaiting_suggestions,
        created_at, NULL)) VIRTUAL`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_since (awaiting_since)');
    await queryRunner.query('DROP TABLE ticket_plan_check');
  }
}
