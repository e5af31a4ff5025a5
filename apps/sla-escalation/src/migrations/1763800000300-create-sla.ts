import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class CreateSla1763800000300 implements MigrationInterface {
  name = 'CreateSla1763800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE sla_policy (
      id VARCHAR(64) NOT NULL, version INT NOT NULL, definition JSON NOT NULL, updated_at DATETIME(3) NOT NULL,
      updated_by VARCHAR(64) NOT NULL,
      PRIMARY KEY (id)) ${TABLE_OPTIONS}`);
    // every version ever in force: a clock keeps the terms it started under
    await queryRunner.query(`CREATE TABLE sla_policy_version (
      policy_id VARCHAR(64) NOT NULL, version INT NOT NULL, definition JSON NOT NULL, created_at DATETIME(3) NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      PRIMARY KEY (policy_id, version)) ${TABLE_OPTIONS}`);
    // what this service has learnt about a ticket from both topics, whichever arrived first
    await queryRunner.query(`CREATE TABLE sla_ticket (
      ticket_id VARCHAR(64) NOT NULL, requester_id VARCHAR(64) NULL, account_id VARCHAR(64) NULL, plan VARCHAR(16) NULL,
      entitled TINYINT(1) NULL, sla_target VARCHAR(32) NULL, sla_targets JSON NULL, decision_priority VARCHAR(16) NULL,
      decided_at DATETIME(3) NULL, priority VARCHAR(16) NULL, priority_changed_at DATETIME(3) NULL,
      status VARCHAR(16) NULL, status_changed_at DATETIME(3) NULL, first_responded_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (ticket_id)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE sla_clock (
      id CHAR(36) NOT NULL, ticket_id VARCHAR(64) NOT NULL, metric VARCHAR(32) NOT NULL, cycle INT NOT NULL,
      priority VARCHAR(16) NOT NULL, policy_id VARCHAR(64) NOT NULL, policy_version INT NOT NULL,
      account_id VARCHAR(64) NULL, plan VARCHAR(16) NULL, target_ms BIGINT NOT NULL,
      clock_state VARCHAR(16) NOT NULL, state JSON NOT NULL, started_at DATETIME(3) NOT NULL, due_at DATETIME(3) NULL,
      warning_at DATETIME(3) NULL, warned_at DATETIME(3) NULL, stopped_at DATETIME(3) NULL, breached_at DATETIME(3) NULL,
      outcome VARCHAR(16) NULL, stop_reason VARCHAR(32) NULL, elapsed_ms BIGINT NULL,
      escalation_level INT NOT NULL DEFAULT 0, correlation_id VARCHAR(128) NOT NULL,
      created_at DATETIME(3) NOT NULL, updated_at DATETIME(3) NOT NULL, version INT NOT NULL,
      PRIMARY KEY (id), UNIQUE KEY uq_clock_ticket_metric_cycle (ticket_id, metric, cycle),
      KEY idx_clock_breached (breached_at, id), KEY idx_clock_metric_started (metric, started_at)) ${TABLE_OPTIONS}`);
    // one row per pending warning, breach or escalation of a clock, replaced with every change of it
    await queryRunner.query(`CREATE TABLE sla_timer (
      id BIGINT NOT NULL AUTO_INCREMENT, clock_id CHAR(36) NOT NULL, ticket_id VARCHAR(64) NOT NULL,
      kind VARCHAR(16) NOT NULL, level INT NOT NULL, due_at DATETIME(3) NOT NULL, created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id), UNIQUE KEY uq_timer_clock_kind_level (clock_id, kind, level),
      KEY idx_timer_due (due_at, id)) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sla_timer');
    await queryRunner.query('DROP TABLE sla_clock');
    await queryRunner.query('DROP TABLE sla_ticket');
    await queryRunner.query('DROP TABLE sla_policy_version');
    await queryRunner.query('DROP TABLE sla_policy');
  }
}
