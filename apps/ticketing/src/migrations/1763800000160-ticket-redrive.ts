import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anti-entropy: the re-drive record of tickets whose created event was published again, and an
 * index that finds the tickets still waiting for their plan check or their first-response clock.
 */
export class TicketRedrive1763800000160 implements MigrationInterface {
  name = 'TicketRedrive1763800000160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_redrive (
        ticket_id CHAR(36) NOT NULL,
        attempts INT NOT NULL,
        reason VARCHAR(16) NOT NULL,
        first_redriven_at DATETIME(3) NOT NULL,
        last_redriven_at DATETIME(3) NOT NULL,
        next_redrive_at DATETIME(3) NULL,
        PRIMARY KEY (ticket_id),
        KEY idx_ticket_redrive_next (next_redrive_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting (entitlement_status, sla_clock_state, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting');
    await queryRunner.query('DROP TABLE ticket_redrive');
  }
}
