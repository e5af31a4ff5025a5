import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ADDED_STARTER_SYNONYMS, synonymKey } from '../search/synonyms';

/**
 * Adds the rules of ADDED_STARTER_SYNONYMS (issue 12: everyday words readers type for the
 * product's terms) where editors have no rule for the same term of the locale yet: a rule an
 * editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key) key).
 */
export class MoreStarterSynonyms1765400000000 implements MigrationInterface {
  name = 'MoreStarterSynonyms1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    for (const rule of ADDED_STARTER_SYNONYMS) {
      await queryRunner.query(
        'INSERT IGNORE INTO kb_search_synonym (id, locale, term, term_key, synonyms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [uuidv7(), rule.locale, rule.term, synonymKey(rule.term, rule.locale), JSON.stringify(rule.synonyms), now, now],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // only rules still exactly as this migration wrote them
    for (const rule of ADDED_STARTER_SYNONYMS) {
      await queryRunner.query('DELETE FROM kb_search_synonym WHERE locale = ? AND term_key = ? AND synonyms = ?', [
        rule.locale,
        synonymKey(rule.term, rule.locale),
        JSON.stringify(rule.synonyms),
      ]);
    }
  }
}
