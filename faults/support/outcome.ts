import { parseDatabaseUrl } from '@support/persistence';
import { TEST_DATABASE_URL } from '@support/testing-core';
import { createConnection } from 'mysql2/promise';
import type { FaultPlatform } from './platform';
import type { LoadResult } from './ticket-load';

export interface Outcome {
  name: string;
  /** ticket rows the case's load created */
  tickets: number;
  /** 201s the client received */
  accepted: number;
  unacknowledged: number;
  faults: number;
  /** acknowledged tickets missing, and tickets that never got their whole flow (decision, deadline, suggestions) */
  lost: number;
  /** a ticket filed twice, or one effect applied twice */
  duplicated: number;
  /** what makes up lost and duplicated, for the failure message */
  details: string[];
}

interface TicketRow {
  id: string;
  subject: string;
  entitlement_status: string;
  due: number;
  suggested: number;
  decisions: number;
  clocks: number;
  suggestions: number;
}

/** Each ticket of the case with its state in every service (one cross-database query). */
async function ticketStates(platform: FaultPlatform, subjectPrefix: string): Promise<TicketRow[]> {
  const connection = await createConnection({ ...parseDatabaseUrl(TEST_DATABASE_URL) });
  try {
    const [rows] = await connection.query(
      // ticketing stores "no deadline" as 1000-01-01 (its SlaClockInPlace migration) and a ticket's
      // suggestions in a row of their own (ticket_suggestions)
      `SELECT t.id, t.subject, t.entitlement_status,
              t.sla_first_response_due_at > '1000-01-01 00:00:00.000' AS due,
              EXISTS (SELECT 1 FROM \`${platform.database('ticketing')}\`.ticket_suggestions ts WHERE ts.ticket_id = t.id) AS suggested,
              (SELECT COUNT(*) FROM \`${platform.database('entitlements')}\`.decision d WHERE d.ticket_id = t.id) AS decisions,
              (SELECT COUNT(*) FROM \`${platform.database('sla-escalation')}\`.sla_clock c
                WHERE c.ticket_id = t.id AND c.metric = 'first_response') AS clocks,
              (SELECT COUNT(*) FROM \`${platform.database('knowledge-base')}\`.kb_suggestion s WHERE s.ticket_id = t.id) AS suggestions
         FROM \`${platform.database('ticketing')}\`.ticket t
        WHERE t.subject LIKE ?`,
      [`${subjectPrefix} #%`],
    );
    return (rows as TicketRow[]).map((row) => ({
      ...row,
      due: Number(row.due),
      suggested: Number(row.suggested),
      decisions: Number(row.decisions),
      clocks: Number(row.clocks),
      suggestions: Number(row.suggestions),
    }));
  } finally {
    await connection.end();
  }
}

const decided = (row: TicketRow) => row.entitlement_status !== 'pending' && row.due > 0 && row.decisions > 0 && row.clocks > 0;
const suggested = (row: TicketRow) => row.suggested > 0 && row.suggestions > 0;

/**
 * Waits until every ticket of the load has been through the whole flow (or the time is up), then
 * counts: lost = acknowledged but absent, or never decided/timed/suggested; duplicated = one key
 * filed twice, or a decision, first-response clock or suggestion set applied twice. Prints the
 * counts and returns them.
 */
export async function settleAndCount(
  platform: FaultPlatform,
  name: string,
  subjectPrefix: string,
  load: LoadResult,
  faults: number,
  timeoutMs = 120_000,
): Promise<Outcome> {
  const complete = (row: TicketRow) => decided(row) && suggested(row);
  const deadline = Date.now() + timeoutMs;
  let rows = await ticketStates(platform, subjectPrefix);
  while (Date.now() < deadline) {
    const ids = new Set(rows.map((row) => row.id));
    const allThere = [...load.accepted.values()].every((id) => ids.has(id));
    if (allThere && rows.every(complete)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rows = await ticketStates(platform, subjectPrefix);
  }
  const details: string[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  let lost = 0;
  for (const [key, id] of load.accepted) {
    if (!byId.has(id)) {
      lost += 1;
      details.push(`lost: ${key} was acknowledged as ${id}, which ticketing does not have`);
    }
  }
  for (const row of rows) {
    if (!complete(row)) {
      lost += 1;
      details.push(
        `lost: ${row.id} (${row.subject}) never completed: entitlement ${row.entitlement_status}, deadline ${row.due ? 'set' : 'missing'}, ` +
          `suggestions on the ticket ${row.suggested ? 'set' : 'missing'}; decisions ${row.decisions}, first-response clocks ${row.clocks}, suggestion sets ${row.suggestions}`,
      );
    }
  }
  let duplicated = load.conflictingAnswers.length;
  for (const key of load.conflictingAnswers) details.push(`duplicated: ${key} was answered with two different tickets`);
  const bySubject = new Map<string, number>();
  for (const row of rows) bySubject.set(row.subject, (bySubject.get(row.subject) ?? 0) + 1);
  for (const [subject, count] of bySubject) {
    if (count > 1) {
      duplicated += count - 1;
      details.push(`duplicated: "${subject}" was filed ${count} times`);
    }
  }
  for (const row of rows) {
    for (const [what, count] of [
      ['decisions', row.decisions],
      ['first-response clocks', row.clocks],
      ['suggestion sets', row.suggestions],
    ] as const) {
      if (count > 1) {
        duplicated += count - 1;
        details.push(`duplicated: ${row.id} has ${count} ${what}`);
      }
    }
  }
  const outcome: Outcome = {
    name,
    tickets: rows.length,
    accepted: load.accepted.size,
    unacknowledged: load.unacknowledged.length,
    faults,
    lost,
    duplicated,
    details,
  };
  const retried = [...load.retried].map(([reason, count]) => `${reason}×${count}`).join(' ') || 'none';
  process.stdout.write(
    `[faults] ${name}: tickets ${outcome.tickets} (acknowledged ${outcome.accepted}, never acknowledged ${outcome.unacknowledged}, ` +
      `refused ${load.refused.length}), faults injected ${faults}, lost ${lost}, duplicated ${duplicated}; client retries: ${retried}\n`,
  );
  return outcome;
}
