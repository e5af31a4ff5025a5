import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anti-entropy: each ticket remembers the decision it applied (a decision announced again is
 * recognised), from when that decision owes clocks, and whether the repair sweep has checked
 * that an entitled decision got its clock. Decisions applied before this migration count as
 * checked, so an upgrade does not start with a sweep over every ticket ever decided.
 */
export class ClockRepair1763800000310 implements MigrationInterface {
  name = 'ClockRepair1763800000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sla_ticket
        ADD COLUMN decision_id CHAR(36) NULL AFTER decided_at,
        ADD COLUMN clocks_owed_from DATETIME(3) NULL AFTER decision_id,
        ADD COLUMN clock_checked_at DATETIME(3) NULL AFTER clocks_owed_from,
        ADD KEY idx_sla_ticket_unchecked (entitled, clock_checked_at, decided_at)`);
    await queryRunner.query('UPDATE sla_ticket SET clock_checked_at = updated_at WHERE decided_at IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sla_ticket
        DROP KEY idx_sla_ticket_unchecked,
        DROP COLUMN clock_checked_at,
        DROP COLUMN clocks_owed_from,
        DROP COLUMN decision_id`);
  }
}
