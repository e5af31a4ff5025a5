import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTickets1763800000100 implements MigrationInterface {
  name = 'CreateTickets1763800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket (
        id CHAR(36) NOT NULL,
        account_id VARCHAR(64) NULL,
        requester_id VARCHAR(128) NOT NULL,
        subject VARCHAR(255) NOT NULL,
        description MEDIUMTEXT NOT NULL,
        priority VARCHAR(16) NOT NULL,
        device VARCHAR(16) NOT NULL,
        cc_emails JSON NOT NULL,
        meeting_id VARCHAR(16) NULL,
        occurred_at DATETIME(3) NULL,
        status VARCHAR(16) NOT NULL,
        status_reason TEXT NULL,
        assignee_id VARCHAR(128) NULL,
        entitlement_status VARCHAR(16) NOT NULL,
        entitlement_reason VARCHAR(64) NULL,
        entitlement_message TEXT NULL,
        entitlement_plan VARCHAR(16) NULL,
        entitlement_channels JSON NULL,
        entitlement_decided_at DATETIME(3) NULL,
        sla_clock_state VARCHAR(16) NULL,
        sla_first_response_due_at DATETIME(3) NULL,
        sla_breached TINYINT(1) NOT NULL DEFAULT 0,
        sla_escalation_level INT NOT NULL DEFAULT 0,
        sla_updated_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        version INT NOT NULL,
        PRIMARY KEY (id),
        KEY idx_ticket_requester (requester_id, id),
        KEY idx_ticket_account (account_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket');
  }
}
