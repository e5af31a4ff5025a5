import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anti-entropy for suggestions: finds the tickets the knowledge base's suggestions never reached
 * (a lost support.kb.articles_suggested), oldest first, without reading the whole table.
 */
export class TicketAwaitingSuggestions1763800000170 implements MigrationInterface {
  name = 'TicketAwaitingSuggestions1763800000170';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket ADD KEY idx_ticket_awaiting_suggestions (suggestions_updated_at, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket DROP KEY idx_ticket_awaiting_suggestions');
  }
}
