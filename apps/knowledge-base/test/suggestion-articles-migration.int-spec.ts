import { migrationBed } from '@support/testing-core';
import { KNOWLEDGE_BASE_SERVICE } from '../src/service';

/**
 * Migration 1765800000000 moves each shown set's articles from kb_suggestion_item rows into the
 * set's `articles` list, and back on down: what a live database holds must survive both.
 */
describe('migration: a suggestion set’s articles on its row (real MariaDB)', () => {
  const bed = migrationBed(KNOWLEDGE_BASE_SERVICE.migrations, 'SuggestionArticlesOnSet1765800000000', 'kbsugmig');

  const SHOWN = '01938f4e-69f1-7d2e-8c40-5a1b2c3d4e5f';
  const EMPTY = '01938f4e-69f1-7d2e-8c40-000000000000';
  const A = '01938f4e-0000-7000-8000-00000000000a';
  const B = '01938f4e-0000-7000-8000-00000000000b';

  it('carries every set’s articles, in rank order, into its list and back', async () => {
    for (const id of [SHOWN, EMPTY]) {
      await bed.dataSource.query(
        `INSERT INTO kb_suggestion (id, channel, ticket_id, requester_id, requester_account_id, locale, search_terms, created_at)
         VALUES (?, 'ticket', ?, 'alice', 'acme', 'fr', 'écho réunion', '2026-12-04 10:00:00.250')`,
        [id, `ticket-${id}`],
      );
    }
    // stored out of order
    await bed.dataSource.query(
      `INSERT INTO kb_suggestion_item (suggestion_id, position, article_id, served_locale, score) VALUES
         (?, 2, ?, 'en', 0.5), (?, 1, ?, 'fr', 0.875)`,
      [SHOWN, B, SHOWN, A],
    );
    await bed.run('up');
    const rows: Array<{ id: string; articles: string }> = await bed.dataSource.query(
      'SELECT id, CAST(articles AS CHAR) AS articles FROM kb_suggestion ORDER BY id',
    );
    const byId = new Map(rows.map((row) => [row.id, JSON.parse(row.articles)]));
    expect(byId.get(SHOWN)).toEqual([
      { articleId: A, servedLocale: 'fr', score: 0.875 },
      { articleId: B, servedLocale: 'en', score: 0.5 },
    ]);
    expect(byId.get(EMPTY)).toEqual([]);
    expect(await bed.dataSource.query("SHOW TABLES LIKE 'kb_suggestion_item'")).toEqual([]);

    await bed.run('down');
    const back = await bed.dataSource.query(
      'SELECT suggestion_id, position, article_id, served_locale, score FROM kb_suggestion_item ORDER BY suggestion_id, position',
    );
    expect(back).toEqual([
      { suggestion_id: SHOWN, position: 1, article_id: A, served_locale: 'fr', score: 0.875 },
      { suggestion_id: SHOWN, position: 2, article_id: B, served_locale: 'en', score: 0.5 },
    ]);
    expect(await bed.dataSource.query("SHOW COLUMNS FROM kb_suggestion LIKE 'articles'")).toEqual([]);
  });
});
