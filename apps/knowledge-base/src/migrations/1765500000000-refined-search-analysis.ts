import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSearchIndex } from '../search/search-index';
import { synonymKey } from '../search/synonyms';

/**
 * The analysis changed (issue 12): English irregular forms are read as their base form
 * ("frozen" as "freeze"), the stop-word lists gained Russian possessive and demonstrative forms and
 * English contractions typed without their apostrophe, and "team" is searched for (Team Chat is a
 * product; it stays filler in a ticket's text). The index is written again from the stored
 * articles, and each synonym rule's key (its term's stems) is computed again, since it may have
 * changed with the analysis. A rule whose new key another rule of its locale already has keeps
 * its old key: both stay readable and editable, and the editor sees the two in the list.
 */
export class RefinedSearchAnalysis1765500000000 implements MigrationInterface {
  name = 'RefinedSearchAnalysis1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rekeySynonyms(queryRunner);
    await rebuildSearchIndex(queryRunner);
  }

  /**
   * Nothing in the schema changed, so there is nothing to undo here: the analysis lives in the
   * code. A rule's key serves only to refuse a second rule for the same term (searches read the
   * term itself), and an index written with this analysis differs from the previous one's only for
   * the words listed above; re-indexing under the previous version (its rebuildSearchIndex) makes
   * them agree again.
   */
  async down(): Promise<void> {
    return undefined;
  }
}

async function rekeySynonyms(queryRunner: QueryRunner): Promise<void> {
  const rules: Array<{ id: string; locale: string; term: string; termKey: string }> = await queryRunner.query(
    'SELECT id, locale, term, term_key AS termKey FROM kb_search_synonym ORDER BY locale, created_at, id',
  );
  const taken = new Set(rules.map((r) => `${r.locale}\u0000${r.termKey}`));
  for (const rule of rules) {
    const key = synonymKey(rule.term, rule.locale);
    if (key === rule.termKey || key === '' || taken.has(`${rule.locale}\u0000${key}`)) continue;
    await queryRunner.query('UPDATE kb_search_synonym SET term_key = ? WHERE id = ?', [key, rule.id]);
    taken.delete(`${rule.locale}\u0000${rule.termKey}`);
    taken.add(`${rule.locale}\u0000${key}`);
  }
}
