import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer is (account, user): Idempotency-Keys are claimed per account as well as per user,
 * so the same user id in another account neither replays nor learns of this account's tickets.
 * Staff callers, who act for no account, use the empty account.
 */
export class CustomerAccountScope1763800000150 implements MigrationInterface {
  name = 'CustomerAccountScope1763800000150';

  async up(queryRunner: QueryRunner): Promise<void> {
    // keys claimed before this change belong to the account their ticket was filed in
    await queryRunner.query(`
      ALTER TABLE idempotency_key
        ADD COLUMN caller_account_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '' FIRST`);
    await queryRunner.query(`
      UPDATE idempotency_key k JOIN ticket t ON t.id = k.ticket_id
         SET k.caller_account_id = COALESCE(t.account_id, '')`);
    await queryRunner.query(`
      ALTER TABLE idempotency_key
        DROP PRIMARY KEY,
        ADD PRIMARY KEY (caller_account_id, caller_id, idempotency_key)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // two accounts' claims of one (user, key) cannot both stay under the old key: the newest is kept
    await queryRunner.query(`
      DELETE k FROM idempotency_key k JOIN idempotency_key newer
          ON newer.caller_id = k.caller_id AND newer.idempotency_key = k.idempotency_key
         AND (newer.created_at > k.created_at OR (newer.created_at = k.created_at AND newer.caller_account_id > k.caller_account_id))`);
    await queryRunner.query(`
      ALTER TABLE idempotency_key
        DROP PRIMARY KEY,
        DROP COLUMN caller_account_id,
        ADD PRIMARY KEY (caller_id, idempotency_key)`);
  }
}
