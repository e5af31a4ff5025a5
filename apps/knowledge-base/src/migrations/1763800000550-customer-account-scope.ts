import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer is (account, user): a suggestion set remembers the account of the requester it was
 * shown to, and a vote the account of its voter, so the same user id in another account can
 * neither read nor mark the set nor replace the vote. Sets recorded before this change have no
 * account and are no longer anyone's to mark (an anonymous reader's stay open to all).
 */
export class CustomerAccountScope1763800000550 implements MigrationInterface {
  name = 'CustomerAccountScope1763800000550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE kb_suggestion
        ADD COLUMN requester_account_id VARCHAR(64) NULL AFTER requester_id`);
    await queryRunner.query(`
      ALTER TABLE kb_article_vote
        ADD COLUMN voter_account_id VARCHAR(64) NOT NULL DEFAULT '' AFTER article_id,
        DROP PRIMARY KEY,
        ADD PRIMARY KEY (article_id, voter_account_id, user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // one (article, user) vote per account cannot all stay under the old key: the newest is kept
    await queryRunner.query(`
      DELETE v FROM kb_article_vote v JOIN kb_article_vote newer
          ON newer.article_id = v.article_id AND newer.user_id = v.user_id
         AND (newer.voted_at > v.voted_at OR (newer.voted_at = v.voted_at AND newer.voter_account_id > v.voter_account_id))`);
    await queryRunner.query(`
      ALTER TABLE kb_article_vote
        DROP PRIMARY KEY,
        DROP COLUMN voter_account_id,
        ADD PRIMARY KEY (article_id, user_id)`);
    await queryRunner.query('ALTER TABLE kb_suggestion DROP COLUMN requester_account_id');
  }
}
