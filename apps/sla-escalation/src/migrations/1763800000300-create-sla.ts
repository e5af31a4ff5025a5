import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class CreateSla1763800000300 implements MigrationInterface {
  name = 'CreateSla1763800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE sla_policy (
      id VARCHAR(64) NOT NULL, version INT NOT NULL, definition JSON NOT NULL, updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE sla_clock (
      id CHAR(36) NOT NULL, ticket_id VARCHAR(64) NOT NULL, metric VARCHAR(32) NOT NULL, priority VARCHAR(16) NOT NULL,
      policy_id VARCHAR(64) NOT NULL, account_id VARCHAR(64) NULL, plan VARCHAR(16) NULL, sla_targets JSON NULL,
      clock_state VARCHAR(16) NOT NULL, state JSON NOT NULL, started_at DATETIME(3) NOT NULL, due_at DATETIME(3) NULL,
      stopped_at DATETIME(3) NULL, breached_at DATETIME(3) NULL, outcome VARCHAR(16) NULL,
      escalation_level INT NOT NULL DEFAULT 0, created_at DATETIME(3) NOT NULL, updated_at DATETIME(3) NOT NULL,
      version INT NOT NULL, PRIMARY KEY (id), UNIQUE KEY uq_clock_ticket_metric (ticket_id, metric),
      KEY idx_clock_breached (breached_at)) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sla_clock');
    await queryRunner.query('DROP TABLE sla_policy');
  }
}
