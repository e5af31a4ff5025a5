import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Ticket snapshots for re-deciding on plan changes, plan-end tracking, and the hotline directory. */
export class TicketSnapshotsAndHotlines1763800000201 implements MigrationInterface {
  name = 'TicketSnapshotsAndHotlines1763800000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ticket_snapshot (
      ticket_id VARCHAR(64) NOT NULL, account_id VARCHAR(64) NULL, requester_id VARCHAR(128) NOT NULL,
      priority VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL, created_at DATETIME(3) NOT NULL,
      status_changed_at DATETIME(3) NULL, priority_changed_at DATETIME(3) NULL, current_decision_id CHAR(36) NULL,
      PRIMARY KEY (ticket_id), KEY idx_ticket_snapshot_account (account_id, status)) ${TABLE_OPTIONS}`);
    await queryRunner.query('ALTER TABLE account ADD COLUMN plan_end_applied_at DATETIME(3) NULL AFTER plan_ends_at');
    await queryRunner.query('ALTER TABLE account ADD KEY idx_account_plan_ends (plan_ends_at)');
    await queryRunner.query(`CREATE TABLE hotline_directory (
      id TINYINT NOT NULL, version INT NOT NULL, updated_at DATETIME(3) NOT NULL, updated_by VARCHAR(128) NOT NULL,
      PRIMARY KEY (id)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE hotline (
      position INT NOT NULL, country CHAR(2) NOT NULL, country_name VARCHAR(100) NOT NULL, number VARCHAR(32) NOT NULL,
      extension VARCHAR(6) NOT NULL, language VARCHAR(16) NOT NULL, toll_free TINYINT(1) NOT NULL,
      PRIMARY KEY (position), UNIQUE KEY uq_hotline_number (number)) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hotline');
    await queryRunner.query('DROP TABLE hotline_directory');
    await queryRunner.query('ALTER TABLE account DROP KEY idx_account_plan_ends');
    await queryRunner.query('ALTER TABLE account DROP COLUMN plan_end_applied_at');
    await queryRunner.query('DROP TABLE ticket_snapshot');
  }
}
