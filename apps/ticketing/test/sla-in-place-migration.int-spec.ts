import { migrationBed } from '@support/testing-core';
import { TICKETING_SERVICE } from '../src/service';
import { AWAITING_SINCE_EXPRESSION, NO_TIME } from '../src/tickets/ticket.entity';

/**
 * Migration 1765500000000 makes the ticket's SLA columns NOT NULL and of fixed length, so that
 * showing the clock rewrites them in place: `''` and NO_TIME stand for "no clock". What a live
 * database holds must come out the same, owed or settled as before, and go back on down.
 */
describe('migration: the SLA columns of a ticket written in place (real MariaDB)', () => {
  const bed = migrationBed(TICKETING_SERVICE.migrations, 'SlaClockInPlace1765500000000', 'slainplace');

  const ids = {
    withClock: '01938f4e-69f1-7d2e-8c40-000000000021',
    entitledWithoutClock: '01938f4e-69f1-7d2e-8c40-000000000022',
    pending: '01938f4e-69f1-7d2e-8c40-000000000023',
    /** a retimed clock without a deadline (paused): a state and a time, no due time */
    paused: '01938f4e-69f1-7d2e-8c40-000000000024',
  };

  async function insertTicket(id: string, fields: { entitlement: string; clock: string | null; due: string | null; at: string | null }) {
    await bed.dataSource.query(
      `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
                           entitlement_status, sla_clock_state, sla_first_response_due_at, sla_updated_at, awaiting_suggestions,
                           created_at, updated_at, version)
       VALUES (?, 'acme', 'alice', 's', 'd', 'urgent', 'desktop', '[]', 'new', ?, ?, ?, ?, FALSE,
               UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, UTC_TIMESTAMP(3), 1)`,
      [id, fields.entitlement, fields.clock, fields.due, fields.at],
    );
  }

  const columns = async () =>
    (
      (await bed.dataSource.query(
        "SHOW FULL COLUMNS FROM ticket WHERE Field IN ('sla_clock_state', 'sla_first_response_due_at', 'sla_updated_at')",
      )) as Array<{ Field: string; Type: string; Null: string; Collation: string | null }>
    ).map((column) => [column.Field, column.Type, column.Null, column.Collation]);

  it('stores "no clock" as values of the same length, keeps what is owed, and goes back down', async () => {
    await insertTicket(ids.withClock, {
      entitlement: 'entitled',
      clock: 'running',
      due: '2026-12-04 11:00:00.000',
      at: '2026-12-04 10:00:00.500',
    });
    await insertTicket(ids.entitledWithoutClock, { entitlement: 'entitled', clock: null, due: null, at: null });
    await insertTicket(ids.pending, { entitlement: 'pending', clock: null, due: null, at: null });
    await insertTicket(ids.paused, { entitlement: 'entitled', clock: 'running', due: null, at: '2026-12-04 10:30:00.000' });

    await bed.run('up');
    expect(await columns()).toEqual([
      ['sla_clock_state', 'char(16)', 'NO', 'ascii_bin'],
      ['sla_first_response_due_at', 'datetime(3)', 'NO', null],
      ['sla_updated_at', 'datetime(3)', 'NO', null],
    ]);
    const rows: Array<{ id: string; state: string; due: string; at: string; owed: number; matches: number }> = await bed.dataSource.query(
      `SELECT id, sla_clock_state AS state, CAST(sla_first_response_due_at AS CHAR) AS due, CAST(sla_updated_at AS CHAR) AS at,
              awaiting_since IS NOT NULL AS owed,
              awaiting_since <=> (${AWAITING_SINCE_EXPRESSION}) AND (awaiting_since IS NULL OR awaiting_since = created_at) AS matches
         FROM ticket ORDER BY id`,
    );
    expect(rows.map((row) => [row.id, row.state, row.due, row.at, Number(row.owed), Number(row.matches)])).toEqual([
      [ids.withClock, 'running', '2026-12-04 11:00:00.000', '2026-12-04 10:00:00.500', 0, 1],
      [ids.entitledWithoutClock, '', NO_TIME, NO_TIME, 1, 1],
      [ids.pending, '', NO_TIME, NO_TIME, 1, 1],
      [ids.paused, 'running', NO_TIME, '2026-12-04 10:30:00.000', 0, 1],
    ]);
    // the clock shown later settles the entitled ticket, as before
    await bed.dataSource.query(
      "UPDATE ticket SET sla_clock_state = 'running', sla_first_response_due_at = UTC_TIMESTAMP(3), sla_updated_at = UTC_TIMESTAMP(3) WHERE id = ?",
      [ids.entitledWithoutClock],
    );
    const owed = await bed.dataSource.query(
      'SELECT id FROM ticket FORCE INDEX (idx_ticket_awaiting_since) WHERE awaiting_since < UTC_TIMESTAMP(3) ORDER BY awaiting_since, id',
    );
    expect(owed).toEqual([{ id: ids.pending }]);

    await bed.run('down');
    expect(await columns()).toEqual([
      ['sla_clock_state', 'varchar(16)', 'YES', 'utf8mb4_unicode_ci'],
      ['sla_first_response_due_at', 'datetime(3)', 'YES', null],
      ['sla_updated_at', 'datetime(3)', 'YES', null],
    ]);
    const back: Array<{ id: string; state: string | null; due: string | null; at: string | null; owed: number }> =
      await bed.dataSource.query(
        `SELECT id, sla_clock_state AS state, CAST(sla_first_response_due_at AS CHAR) AS due, CAST(sla_updated_at AS CHAR) AS at,
              awaiting_since IS NOT NULL AS owed
         FROM ticket ORDER BY id`,
      );
    expect(back.map((row) => [row.id, row.state, row.due, row.at, Number(row.owed)])).toEqual([
      [ids.withClock, 'running', '2026-12-04 11:00:00.000', '2026-12-04 10:00:00.500', 0],
      [ids.entitledWithoutClock, 'running', expect.any(String), expect.any(String), 0],
      [ids.pending, null, null, null, 1],
      [ids.paused, 'running', null, '2026-12-04 10:30:00.000', 0],
    ]);
  });
});
