import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class CreateEntitlements1763800000200 implements MigrationInterface {
  name = 'CreateEntitlements1763800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE plan (
      code VARCHAR(16) NOT NULL, version INT NOT NULL, definition JSON NOT NULL, updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (code)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE plan_version (
      code VARCHAR(16) NOT NULL, version INT NOT NULL, definition JSON NOT NULL, created_at DATETIME(3) NOT NULL,
      created_by VARCHAR(128) NOT NULL, PRIMARY KEY (code, version)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE account (
      id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, plan VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,
      plan_ends_at DATETIME(3) NULL, created_at DATETIME(3) NOT NULL, updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE account_user (
      account_id VARCHAR(64) NOT NULL, user_id VARCHAR(128) NOT NULL, role VARCHAR(16) NOT NULL,
      updated_at DATETIME(3) NOT NULL, PRIMARY KEY (account_id, user_id)) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE decision (
      id CHAR(36) NOT NULL, ticket_id VARCHAR(64) NOT NULL, account_id VARCHAR(64) NULL,
      requester_id VARCHAR(128) NOT NULL, priority VARCHAR(16) NOT NULL, ticket_created_at DATETIME(3) NOT NULL,
      status VARCHAR(16) NOT NULL, reason VARCHAR(32) NOT NULL, message TEXT NOT NULL, plan VARCHAR(16) NULL,
      plan_version INT NULL, role VARCHAR(16) NULL, channels JSON NOT NULL, sla_target VARCHAR(32) NULL,
      sla_targets JSON NULL, service_priority INT NOT NULL, \`trigger\` VARCHAR(32) NOT NULL,
      decided_at DATETIME(3) NOT NULL, PRIMARY KEY (id), KEY idx_decision_ticket (ticket_id, decided_at)) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['decision', 'account_user', 'account', 'plan_version', 'plan']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
