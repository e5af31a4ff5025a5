import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One owner per number (docs/adr/0003): each clock records who set its target, the customer's
 * plan or the SLA policy. Clocks that exist already are given the source the rule would have
 * chosen: a first-response clock whose ticket's plan check carried a target for its priority
 * ran to the plan's; every other clock to the policy's.
 */
export class ClockTargetSource1763800000320 implements MigrationInterface {
  name = 'ClockTargetSource1763800000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sla_clock ADD COLUMN target_source VARCHAR(8) NOT NULL DEFAULT 'policy' AFTER target_ms`);
    await queryRunner.query(`
      UPDATE sla_clock c JOIN sla_ticket t ON t.ticket_id = c.ticket_id
         SET c.target_source = 'plan'
       WHERE c.metric = 'first_response'
         AND (JSON_EXTRACT(t.sla_targets, CONCAT('$.', c.priority)) IS NOT NULL
              OR (c.priority = t.decision_priority AND t.sla_target IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sla_clock DROP COLUMN target_source');
  }
}
