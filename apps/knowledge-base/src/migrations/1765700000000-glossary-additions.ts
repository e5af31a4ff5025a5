import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GLOSSARY_ADDITIONS } from '../search/starter-glossary';
import { deleteStarterRules, insertStarterRules } from '../search/synonyms';

/**
 * Adds GLOSSARY_ADDITIONS (everyday words development rounds of reader queries found no article
 * for) where editors have no rule for the same term of the locale yet (INSERT IGNORE on the
 * (locale, term_key) key: an editor's rule stays as it is).
 */
export class GlossaryAdditions1765700000000 implements MigrationInterface {
  name = 'GlossaryAdditions1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await insertStarterRules(queryRunner, GLOSSARY_ADDITIONS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // only rules still exactly as this migration wrote them
    await deleteStarterRules(queryRunner, GLOSSARY_ADDITIONS);
  }
}
