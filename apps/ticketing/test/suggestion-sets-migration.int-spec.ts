import { migrationBed } from '@support/testing-core';
import { TICKETING_SERVICE } from '../src/service';

/** AWAITING_SINCE_EXPRESSION as this migration wrote it (SlaClockInPlace1765500000000 changed it since) */
const AWAITING_SINCE_AT_THIS_MIGRATION = `IF(entitlement_status = 'pending'
    OR (entitlement_status = 'entitled' AND sla_clock_state IS NULL AND first_responded_at IS NULL
        AND status NOT IN ('solved', 'closed', 'rejected'))
    OR awaiting_suggestions,
  created_at, NULL)`;

/**
 * Migration 1765400000000 moves each ticket's suggestion list and its time off the ticket into a
 * `ticket_suggestions` row, and replaces `expects_suggestions` with `awaiting_suggestions` (owed and
 * not arrived). What a live database holds must come out the same, owed or settled as before, and
 * go back on down.
 */
describe('migration: suggestions in a row of their own (real MariaDB)', () => {
  const bed = migrationBed(TICKETING_SERVICE.migrations, 'SuggestionSets1765400000000', 'sugsets');

  const ids = {
    suggested: '01938f4e-69f1-7d2e-8c40-000000000011',
    owed: '01938f4e-69f1-7d2e-8c40-000000000012',
    notExpected: '01938f4e-69f1-7d2e-8c40-000000000013',
    /** suggestions arrived although none were expected (a knowledge base ran, the re-drive of suggestions was off) */
    unexpected: '01938f4e-69f1-7d2e-8c40-000000000014',
  };
  const LIST = [
    { articleId: 'a', slug: 'fix-audio', title: 'Fix audio – ёлка', locale: 'en', score: 0.875 },
    { articleId: 'b', slug: 'test-speakers', title: 'Test "your" speakers \\ now', locale: 'fr', score: 0.5 },
  ];

  async function insertTicket(id: string, fields: { expects: boolean; suggestedAt: string | null }): Promise<void> {
    await bed.dataSource.query(
      `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
                           entitlement_status, sla_clock_state, expects_suggestions, suggestions_updated_at, suggested_articles,
                           created_at, updated_at, version)
       VALUES (?, 'acme', 'alice', 's', 'd', 'urgent', 'desktop', '[]', 'new', 'entitled', 'running', ?, ?, ?,
               UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, UTC_TIMESTAMP(3), 1)`,
      [id, fields.expects, fields.suggestedAt, fields.suggestedAt ? JSON.stringify(LIST) : null],
    );
  }

  const columnsOfTicket = async (names: string[]) =>
    (
      (await bed.dataSource.query(`SHOW COLUMNS FROM ticket WHERE Field IN (${names.map(() => '?').join(', ')})`, names)) as Array<{
        Field: string;
      }>
    )
      .map((row) => row.Field)
      .sort();

  it('moves every list with its time into its own row, keeps what is owed, and goes back down', async () => {
    await insertTicket(ids.suggested, { expects: true, suggestedAt: '2026-12-04 10:00:00.250' });
    await insertTicket(ids.owed, { expects: true, suggestedAt: null });
    await insertTicket(ids.notExpected, { expects: false, suggestedAt: null });
    await insertTicket(ids.unexpected, { expects: false, suggestedAt: '2026-12-04 11:00:00.000' });

    await bed.run('up');
    const sets: Array<{ ticket_id: string; suggested_at: Date; articles: string }> = await bed.dataSource.query(
      'SELECT ticket_id, suggested_at, CAST(articles AS CHAR) AS articles FROM ticket_suggestions ORDER BY ticket_id',
    );
    expect(sets.map((set) => [set.ticket_id, set.suggested_at, JSON.parse(set.articles)])).toEqual([
      [ids.suggested, new Date('2026-12-04T10:00:00.250Z'), LIST],
      [ids.unexpected, new Date('2026-12-04T11:00:00.000Z'), LIST],
    ]);
    const rows: Array<{ id: string; awaiting: number; owed: number; matches: number }> = await bed.dataSource.query(
      `SELECT id, awaiting_suggestions AS awaiting, awaiting_since IS NOT NULL AS owed,
              awaiting_since <=> (${AWAITING_SINCE_AT_THIS_MIGRATION}) AND (awaiting_since IS NULL OR awaiting_since = created_at) AS matches
         FROM ticket ORDER BY id`,
    );
    expect(rows.map((row) => [row.id, Number(row.awaiting), Number(row.owed), Number(row.matches)])).toEqual([
      [ids.suggested, 0, 0, 1],
      [ids.owed, 1, 1, 1],
      [ids.notExpected, 0, 0, 1],
      [ids.unexpected, 0, 0, 1],
    ]);
    expect(await columnsOfTicket(['suggested_articles', 'suggestions_updated_at', 'expects_suggestions'])).toEqual([]);
    // the sweeps' range, read through the index, holds exactly the ticket still owed its suggestions
    const owed = await bed.dataSource.query(
      'SELECT id FROM ticket FORCE INDEX (idx_ticket_awaiting_since) WHERE awaiting_since < UTC_TIMESTAMP(3) ORDER BY awaiting_since, id',
    );
    expect(owed).toEqual([{ id: ids.owed }]);

    await bed.run('down');
    const back: Array<{ id: string; expects: number; at: Date | null; articles: string | null; owed: number }> = await bed.dataSource.query(
      `SELECT id, expects_suggestions AS expects, suggestions_updated_at AS at, CAST(suggested_articles AS CHAR) AS articles,
              awaiting_since IS NOT NULL AS owed
         FROM ticket ORDER BY id`,
    );
    expect(back.map((row) => [row.id, Number(row.expects), row.at, row.articles && JSON.parse(row.articles), Number(row.owed)])).toEqual([
      [ids.suggested, 1, new Date('2026-12-04T10:00:00.250Z'), LIST, 0],
      [ids.owed, 1, null, null, 1],
      [ids.notExpected, 0, null, null, 0],
      // expected once it arrived: the old columns cannot say "arrived unexpected", and nothing is owed either way
      [ids.unexpected, 1, new Date('2026-12-04T11:00:00.000Z'), LIST, 0],
    ]);
    expect(await columnsOfTicket(['awaiting_suggestions'])).toEqual([]);
    expect(await bed.dataSource.query("SHOW TABLES LIKE 'ticket_suggestions'")).toEqual([]);
  });
});
