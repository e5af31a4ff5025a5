import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSearchIndex } from '../search/search-index';

/**
 * Search at scale (issues 9 and 12): each posting and each title word carries its document's
 * locale and other locales, and the indexes read by a search lead with (term, locale, weight) and
 * (locale, form). A term's best postings for a reader are then the first rows of an index range
 * that the index alone answers (no lookup of the document per posting read, no posting of a
 * language the reader is not served read at all), and autocomplete reads the reader's locale's
 * title words only.
 */
export class SearchScopeInIndex1765400000100 implements MigrationInterface {
  name = 'SearchScopeInIndex1765400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE kb_search_posting
        ADD COLUMN locale VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        ADD COLUMN other_locales VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        DROP INDEX idx_kb_search_posting_term,
        ADD INDEX idx_kb_search_posting_scope (term, locale, weight, other_locales)`);
    await queryRunner.query(`
      ALTER TABLE kb_search_title_word
        ADD COLUMN locale VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        ADD COLUMN other_locales VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        ADD INDEX idx_kb_search_title_word_scope (locale, form, other_locales)`);
    // written again from the stored articles (this also applies migration 600's language-aware
    // analysis, which leaves the rebuild to this migration)
    await rebuildSearchIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE kb_search_title_word DROP INDEX idx_kb_search_title_word_scope, DROP COLUMN locale, DROP COLUMN other_locales',
    );
    await queryRunner.query(`
      ALTER TABLE kb_search_posting
        DROP INDEX idx_kb_search_posting_scope,
        ADD INDEX idx_kb_search_posting_term (term, weight),
        DROP COLUMN locale, DROP COLUMN other_locales`);
  }
}
