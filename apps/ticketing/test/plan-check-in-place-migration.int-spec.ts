import { migrationBed } from '@support/testing-core';
import { TICKETING_SERVICE } from '../src/service';
import { AWAITING_SINCE_EXPRESSION, NO_TIME } from '../src/tickets/ticket.entity';

/**
 * Migration 1765600000000 keeps the plan check's status, reason and time on the ticket at a fixed
 * length (`''` and NO_TIME stand for "not decided") and moves its message, plan and channels into
 * `ticket_plan_check`. What a live database holds must come out the same, owed or settled as
 * before, and go back on down.
 */
describe('migration: the plan check written in place, its texts beside the ticket (real MariaDB)', () => {
  const bed = migrationBed(TICKETING_SERVICE.migrations, 'PlanCheckInPlace1765600000000', 'planinplace');

  const ids = {
    entitled: '01938f4e-69f1-7d2e-8c40-000000000031',
    denied: '01938f4e-69f1-7d2e-8c40-000000000032',
    pending: '01938f4e-69f1-7d2e-8c40-000000000033',
  };
  const channels = { selfService: true, ticket: 'standard', chat: false, phone: false };

  async function insertTicket(
    id: string,
    fields: { status: string; entitlement: string; reason: string | null; message: string | null; plan: string | null; at: string | null },
  ) {
    await bed.dataSource.query(
      `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
                           entitlement_status, entitlement_reason, entitlement_message, entitlement_plan, entitlement_channels,
                           entitlement_decided_at, awaiting_suggestions, created_at, updated_at, version)
       VALUES (?, 'acme', 'alice', 's', 'd', 'urgent', 'desktop', '[]', ?, ?, ?, ?, ?, ?, ?, FALSE,
               UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, UTC_TIMESTAMP(3), 1)`,
      [
        id,
        fields.status,
        fields.entitlement,
        fields.reason,
        fields.message,
        fields.plan,
        fields.at ? JSON.stringify(channels) : null,
        fields.at,
      ],
    );
  }

  const columns = async () =>
    (
      (await bed.dataSource.query("SHOW FULL COLUMNS FROM ticket WHERE Field LIKE 'entitlement%'")) as Array<{
        Field: string;
        Type: string;
        Null: string;
        Collation: string | null;
      }>
    ).map((column) => [column.Field, column.Type, column.Null, column.Collation]);

  it('keeps the decision, its texts beside the ticket, what is owed, and goes back down', async () => {
    await insertTicket(ids.entitled, {
      status: 'new',
      entitlement: 'entitled',
      reason: 'entitled',
      message: 'Pro includes tickets.',
      plan: 'pro',
      at: '2026-12-04 10:00:00.500',
    });
    await insertTicket(ids.denied, {
      status: 'rejected',
      entitlement: 'denied',
      reason: 'free_plan',
      message: 'Free plans get the help center.',
      plan: null,
      at: '2026-12-04 10:00:01.000',
    });
    await insertTicket(ids.pending, { status: 'new', entitlement: 'pending', reason: null, message: null, plan: null, at: null });

    await bed.run('up');
    expect(await columns()).toEqual([
      ['entitlement_status', 'char(16)', 'NO', 'ascii_bin'],
      ['entitlement_reason', 'char(64)', 'NO', 'utf8mb4_unicode_ci'],
      ['entitlement_decided_at', 'datetime(3)', 'NO', null],
    ]);
    const rows: Array<{ id: string; status: string; reason: string; at: string; owed: number; matches: number }> =
      await bed.dataSource.query(
        `SELECT id, entitlement_status AS status, entitlement_reason AS reason, CAST(entitlement_decided_at AS CHAR) AS at,
                awaiting_since IS NOT NULL AS owed,
                awaiting_since <=> (${AWAITING_SINCE_EXPRESSION}) AND (awaiting_since IS NULL OR awaiting_since = created_at) AS matches
           FROM ticket ORDER BY id`,
      );
    expect(rows.map((row) => [row.id, row.status, row.reason, row.at, Number(row.owed), Number(row.matches)])).toEqual([
      // entitled without a clock: the clock is owed
      [ids.entitled, 'entitled', 'entitled', '2026-12-04 10:00:00.500', 1, 1],
      [ids.denied, 'denied', 'free_plan', '2026-12-04 10:00:01.000', 0, 1],
      [ids.pending, 'pending', '', NO_TIME, 1, 1],
    ]);
    const texts: Array<{ ticket_id: string; at: string; message: string; plan: string | null; channels: unknown }> =
      await bed.dataSource.query(
        'SELECT ticket_id, CAST(decided_at AS CHAR) AS at, message, plan, channels FROM ticket_plan_check ORDER BY ticket_id',
      );
    expect(texts.map((row) => [row.ticket_id, row.at, row.message, row.plan, row.channels])).toEqual([
      [ids.entitled, '2026-12-04 10:00:00.500', 'Pro includes tickets.', 'pro', channels],
      [ids.denied, '2026-12-04 10:00:01.000', 'Free plans get the help center.', null, channels],
    ]);
    // a decision arriving later rewrites the ticket's columns in the same bytes and settles what it owed
    await bed.dataSource.query(
      `UPDATE ticket SET entitlement_status = 'best_effort', entitlement_reason = 'end_user', entitlement_decided_at = UTC_TIMESTAMP(3)
        WHERE id = ?`,
      [ids.pending],
    );
    const owed = await bed.dataSource.query(
      'SELECT id FROM ticket FORCE INDEX (idx_ticket_awaiting_since) WHERE awaiting_since < UTC_TIMESTAMP(3) ORDER BY awaiting_since, id',
    );
    expect(owed).toEqual([{ id: ids.entitled }]);

    await bed.run('down');
    expect(await columns()).toEqual([
      ['entitlement_status', 'varchar(16)', 'NO', 'utf8mb4_unicode_ci'],
      ['entitlement_reason', 'varchar(64)', 'YES', 'utf8mb4_unicode_ci'],
      ['entitlement_message', 'text', 'YES', 'utf8mb4_unicode_ci'],
      ['entitlement_plan', 'varchar(16)', 'YES', 'utf8mb4_unicode_ci'],
      ['entitlement_channels', expect.stringMatching(/json|longtext/), 'YES', expect.anything()],
      ['entitlement_decided_at', 'datetime(3)', 'YES', null],
    ]);
    const back: Array<{ id: string; reason: string | null; message: string | null; plan: string | null; at: string | null; owed: number }> =
      await bed.dataSource.query(
        `SELECT id, entitlement_reason AS reason, entitlement_message AS message, entitlement_plan AS plan,
                CAST(entitlement_decided_at AS CHAR) AS at, awaiting_since IS NOT NULL AS owed
           FROM ticket ORDER BY id`,
      );
    expect(back.map((row) => [row.id, row.reason, row.message, row.plan, row.at, Number(row.owed)])).toEqual([
      [ids.entitled, 'entitled', 'Pro includes tickets.', 'pro', '2026-12-04 10:00:00.500', 1],
      [ids.denied, 'free_plan', 'Free plans get the help center.', null, '2026-12-04 10:00:01.000', 0],
      [ids.pending, 'end_user', null, null, expect.any(String), 0],
    ]);
    expect(await bed.dataSource.query("SHOW TABLES LIKE 'ticket_plan_check'")).toEqual([]);
  });
});
