import { request, ServiceStack, signToken, startMockKafka, queryDatabase, type RunningBroker } from '@support/testing';
import { migrationBed } from '@support/testing-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTicketingApp } from '../src/app';
import { TICKETING_SERVICE } from '../src/service';

/** AWAITING_SINCE_EXPRESSION as this migration wrote it (SuggestionSets1765400000000 changed it since) */
const AWAITING_SINCE_AT_THIS_MIGRATION = `IF(entitlement_status = 'pending'
    OR (entitlement_status = 'entitled' AND sla_clock_state IS NULL AND first_responded_at IS NULL
        AND status NOT IN ('solved', 'closed', 'rejected'))
    OR (expects_suggestions AND suggestions_updated_at IS NULL),
  created_at, NULL)`;

/**
 * Migration 1765300000000: one anti-entropy index on `awaiting_since` (the ticket's created_at
 * while its plan check, clock or suggestions are owed, else NULL) replaces the two indexes whose
 * keys each answer changed. What a live database holds must come out owed or settled as before.
 */
describe('migration: one index of the tickets still owed something (real MariaDB)', () => {
  const bed = migrationBed(TICKETING_SERVICE.migrations, 'TicketAwaitingSince1765300000000', 'awaitmig');

  const ids = {
    oldWithoutSuggestions: '01938f4e-69f1-7d2e-8c40-000000000001',
    recentPending: '01938f4e-69f1-7d2e-8c40-000000000002',
    settled: '01938f4e-69f1-7d2e-8c40-000000000003',
    entitledWithoutClock: '01938f4e-69f1-7d2e-8c40-000000000004',
    entitledClosed: '01938f4e-69f1-7d2e-8c40-000000000005',
  };

  async function insertTicket(
    id: string,
    fields: { status?: string; entitlement: string; clock?: string | null; suggested: boolean; ageHours: number },
  ): Promise<void> {
    await bed.dataSource.query(
      `INSERT INTO ticket (id, account_id, requester_id, subject, description, priority, device, cc_emails, status,
                           entitlement_status, sla_clock_state, suggestions_updated_at, created_at, updated_at, version)
       VALUES (?, 'acme', 'alice', 's', 'd', 'urgent', 'desktop', '[]', ?, ?, ?, IF(?, UTC_TIMESTAMP(3), NULL),
               UTC_TIMESTAMP(3) - INTERVAL ? HOUR, UTC_TIMESTAMP(3), 1)`,
      [id, fields.status ?? 'new', fields.entitlement, fields.clock ?? null, fields.suggested, fields.ageHours],
    );
  }

  /** the anti-entropy indexes of the ticket table, by name (SHOW INDEX lists one row per column) */
  const indexes = async () => [
    ...new Set(
      ((await bed.dataSource.query('SHOW INDEX FROM ticket')) as Array<{ Key_name: string }>)
        .map((row) => row.Key_name)
        .filter((name) => name.startsWith('idx_ticket_awaiting')),
    ),
  ];

  it('marks what each ticket is owed, keeps old tickets from waiting for suggestions for ever, and goes back down', async () => {
    await insertTicket(ids.oldWithoutSuggestions, { entitlement: 'best_effort', suggested: false, ageHours: 48 });
    await insertTicket(ids.recentPending, { entitlement: 'pending', suggested: false, ageHours: 1 });
    await insertTicket(ids.settled, { entitlement: 'entitled', clock: 'running', suggested: true, ageHours: 48 });
    await insertTicket(ids.entitledWithoutClock, { entitlement: 'entitled', suggested: true, ageHours: 2 });
    await insertTicket(ids.entitledClosed, { status: 'closed', entitlement: 'entitled', suggested: true, ageHours: 2 });
    expect(await indexes()).toEqual(expect.arrayContaining(['idx_ticket_awaiting', 'idx_ticket_awaiting_suggestions']));

    await bed.run('up');
    const rows: Array<{ id: string; expects: number; owed: number; matches: number }> = await bed.dataSource.query(
      `SELECT id, expects_suggestions AS expects, awaiting_since IS NOT NULL AS owed,
              awaiting_since <=> (${AWAITING_SINCE_AT_THIS_MIGRATION}) AND (awaiting_since IS NULL OR awaiting_since = created_at) AS matches
         FROM ticket ORDER BY id`,
    );
    const byId = new Map(
      rows.map((row) => [row.id, { expects: Number(row.expects), owed: Number(row.owed), matches: Number(row.matches) }]),
    );
    // filed two days ago and never reached: past every re-drive, nothing more is owed
    expect(byId.get(ids.oldWithoutSuggestions)).toEqual({ expects: 0, owed: 0, matches: 1 });
    expect(byId.get(ids.recentPending)).toEqual({ expects: 1, owed: 1, matches: 1 });
    expect(byId.get(ids.settled)).toEqual({ expects: 1, owed: 0, matches: 1 });
    expect(byId.get(ids.entitledWithoutClock)).toEqual({ expects: 1, owed: 1, matches: 1 });
    expect(byId.get(ids.entitledClosed)).toEqual({ expects: 1, owed: 0, matches: 1 });
    expect(await indexes()).toEqual(['idx_ticket_awaiting_since']);

    // the column follows every answer: the clock arriving settles the entitled ticket
    await bed.dataSource.query("UPDATE ticket SET sla_clock_state = 'running' WHERE id = ?", [ids.entitledWithoutClock]);
    const [after] = await bed.dataSource.query('SELECT awaiting_since FROM ticket WHERE id = ?', [ids.entitledWithoutClock]);
    expect(after.awaiting_since).toBeNull();
    // the sweeps' range, read through the index, holds exactly the ticket still owed something
    const owed = await bed.dataSource.query(
      'SELECT id FROM ticket FORCE INDEX (idx_ticket_awaiting_since) WHERE awaiting_since < UTC_TIMESTAMP(3) ORDER BY awaiting_since, id',
    );
    expect(owed).toEqual([{ id: ids.recentPending }]);

    await bed.run('down');
    expect((await indexes()).sort()).toEqual(['idx_ticket_awaiting', 'idx_ticket_awaiting_suggestions']);
    expect(await bed.dataSource.query("SHOW COLUMNS FROM ticket WHERE Field IN ('awaiting_since', 'expects_suggestions')")).toEqual([]);
  });
});

describe('a ticketing without the knowledge base (TICKET_REDRIVE_SUGGESTIONS=false; real MariaDB and Kafka)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let attachmentsDir: string;
  let customer: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'nokb');
    attachmentsDir = await mkdtemp(path.join(tmpdir(), 'nokb-attachments-'));
    await stack.start(TICKETING_SERVICE, createTicketingApp, {
      ATTACHMENTS_DIR: attachmentsDir,
      TICKET_REDRIVE_SUGGESTIONS: 'false',
      TICKET_REDRIVE_INTERVAL_MS: '3600000',
    });
    customer = await signToken({ sub: 'requester-1', role: 'customer', account_id: 'acct-1' });
  });

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
    if (attachmentsDir) await rm(attachmentsDir, { recursive: true, force: true });
  });

  it('files tickets that owe nothing once decided, so they leave the anti-entropy index without suggestions', async () => {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: customer,
      body: { subject: 'No sound', description: 'Nobody hears me in meeting 123 456 789.', priority: 'low', device: 'desktop' },
    });
    expect(response.status).toBe(201);
    const id = (response.body as { id: string }).id;
    const db = stack.database('ticketing');
    const owed = async () =>
      (
        await queryDatabase<{ awaiting: number; owed: number }>(
          db,
          'SELECT awaiting_suggestions AS awaiting, awaiting_since IS NOT NULL AS owed FROM ticket WHERE id = ?',
          [id],
        )
      )[0];
    expect(await owed()).toEqual({ awaiting: 0, owed: 1 }); // its plan check is still owed
    await queryDatabase(db, "UPDATE ticket SET entitlement_status = 'best_effort', entitlement_decided_at = NOW(3) WHERE id = ?", [id]);
    expect(await owed()).toEqual({ awaiting: 0, owed: 0 });
  });
});
