import { migrationBed } from '@support/testing-core';
import { TICKETING_SERVICE } from '../src/service';

/**
 * Migration 180 moves each ticket's suggested articles from ticket_suggested_article rows into the
 * ticket's suggested_articles list, and back on down: what a live database holds must survive both.
 */
describe('migration: suggested articles on the ticket (real MariaDB)', () => {
  const bed = migrationBed(TICKETING_SERVICE.migrations, 'SuggestionsOnTicket1763800000180', 'sugmig');

  const TICKET = '01938f4e-69f1-7d2e-8c40-5a1b2c3d4e5f';
  const BARE = '01938f4e-69f1-7d2e-8c40-000000000000';

  it('carries every ticket’s articles, in rank order, into its list and back', async () => {
    for (const id of [TICKET, BARE]) {
      await bed.dataSource.query(
        `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
                             entitlement_status, suggestions_updated_at, created_at, updated_at, version)
         VALUES (?, 'acme', 'alice', 's', 'd', 'urgent', 'desktop', '[]', 'new', 'pending', ?, NOW(3), NOW(3), 1)`,
        [id, id === TICKET ? '2026-12-04 10:00:00.250' : null],
      );
    }
    // stored out of order, with the characters JSON must escape
    await bed.dataSource.query(
      `INSERT INTO ticket_suggested_article (ticket_id, position, article_id, slug, title, locale, score, suggested_at) VALUES
         (?, 1, 'b', 'test-speakers', 'Test "your" speakers \\\\ now', 'fr', 0.5, '2026-12-04 10:00:00.250'),
         (?, 0, 'a', 'fix-audio', 'Fix audio – ёлка', 'en', 0.875, '2026-12-04 10:00:00.250')`,
      [TICKET, TICKET],
    );
    await bed.run('up');
    const rows: Array<{ id: string; articles: string | null }> = await bed.dataSource.query(
      'SELECT id, CAST(suggested_articles AS CHAR) AS articles FROM ticket ORDER BY id',
    );
    const byId = new Map(rows.map((row) => [row.id, row.articles === null ? null : JSON.parse(row.articles)]));
    expect(byId.get(TICKET)).toEqual([
      { articleId: 'a', slug: 'fix-audio', title: 'Fix audio – ёлка', locale: 'en', score: 0.875 },
      { articleId: 'b', slug: 'test-speakers', title: 'Test "your" speakers \\ now', locale: 'fr', score: 0.5 },
    ]);
    expect(byId.get(BARE)).toBeNull();
    expect(await bed.dataSource.query("SHOW TABLES LIKE 'ticket_suggested_article'")).toEqual([]);

    await bed.run('down');
    const back = await bed.dataSource.query(
      'SELECT ticket_id, position, article_id, slug, title, locale, score, suggested_at FROM ticket_suggested_article ORDER BY position',
    );
    expect(back).toEqual([
      expect.objectContaining({ ticket_id: TICKET, position: 0, article_id: 'a', title: 'Fix audio – ёлка', score: 0.875 }),
      expect.objectContaining({ ticket_id: TICKET, position: 1, article_id: 'b', title: 'Test "your" speakers \\ now', locale: 'fr' }),
    ]);
    expect((back as Array<{ suggested_at: Date }>)[0].suggested_at).toEqual(new Date('2026-12-04T10:00:00.250Z'));
    expect(await bed.dataSource.query("SHOW COLUMNS FROM ticket LIKE 'suggested_articles'")).toEqual([]);
  });
});
