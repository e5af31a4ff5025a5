import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GLOSSARY_STARTER_SYNONYMS } from '../search/starter-glossary';
import { deleteStarterRules, insertStarterRules } from '../search/synonyms';

/**
 * Adds the starter glossary (GLOSSARY_STARTER_SYNONYMS: everyday English, French and Russian
 * words for the product's terms, and the English terms of the articles French and Russian
 * readers are served in English) where editors have no rule for the same term of the locale yet:
 * a rule an editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key) key).
 */
export class StarterGlossary1765600000000 implements MigrationInterface {
  name = 'StarterGlossary1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await insertStarterRules(queryRunner, GLOSSARY_STARTER_SYNONYMS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // only rules still exactly as this migration wrote them
    await deleteStarterRules(queryRunner, GLOSSARY_STARTER_SYNONYMS);
  }
}
