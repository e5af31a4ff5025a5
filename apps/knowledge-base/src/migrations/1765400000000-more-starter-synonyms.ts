import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADDED_STARTER_SYNONYMS, deleteStarterRules, insertStarterRules } from '../search/synonyms';

/**
 * Adds the rules of ADDED_STARTER_SYNONYMS (issue 12: everyday words readers type for the
 * product's terms) where editors have no rule for the same term of the locale yet: a rule an
 * editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key) key).
 */
export class MoreStarterSynonyms1765400000000 implements MigrationInterface {
  name = 'MoreStarterSynonyms1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await insertStarterRules(queryRunner, ADDED_STARTER_SYNONYMS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // only rules still exactly as this migration wrote them
    await deleteStarterRules(queryRunner, ADDED_STARTER_SYNONYMS);
  }
}
