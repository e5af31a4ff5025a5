import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADDITIONS_TO_OLDER_STARTER_RULES, GLOSSARY_STARTER_SYNONYMS } from '../search/starter-glossary';
import { ADDED_STARTER_SYNONYMS, deleteStarterRules, extendStarterRules, insertStarterRules, STARTER_SYNONYMS } from '../search/synonyms';

const OLDER_RULES = [...STARTER_SYNONYMS, ...ADDED_STARTER_SYNONYMS];

/**
 * Adds the starter glossary (GLOSSARY_STARTER_SYNONYMS: everyday English, French and Russian
 * words for the product's terms, and the English terms of the articles French and Russian
 * readers are served in English) where editors have no rule for the same term of the locale yet:
 * a rule an editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key) key).
 * Rules of the older starter lists that are still as written get the terms of
 * ADDITIONS_TO_OLDER_STARTER_RULES (the English term for French and Russian rules; the microphone
 * and speaker for "hear" and "слышать").
 */
export class StarterGlossary1765600000000 implements MigrationInterface {
  name = 'StarterGlossary1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await insertStarterRules(queryRunner, GLOSSARY_STARTER_SYNONYMS);
    await extendStarterRules(queryRunner, OLDER_RULES, ADDITIONS_TO_OLDER_STARTER_RULES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // only rules still exactly as this migration wrote them
    await deleteStarterRules(queryRunner, GLOSSARY_STARTER_SYNONYMS);
    await extendStarterRules(queryRunner, OLDER_RULES, ADDITIONS_TO_OLDER_STARTER_RULES, true);
  }
}
