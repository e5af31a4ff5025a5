/**
 * Bulk SLA clocks and timers for the scheduler bench, generated inside MariaDB (the `seq_1_to_N`
 * sequence engine; bench only, production SQL never relies on it).
 *
 * Each clock's stored state is the ledger's own (`storedClockState`: what the row's columns do not
 * hold): `startClock` (and `fireDueTimers` for clocks already warned) builds it once for a
 * template clock started at a marker instant, and SQL swaps the template's instants for each
 * generated clock's (its columns are computed in SQL). Each clock gets the
 * one timer row the service keeps (`owedTimers`): its next threshold, the warning, or the breach
 * once warned (escalation level 1 falls due with it, level 2 half a target later; the default
 * policy, 24/7).
 */
import { defaultSlaPolicy, startClock, type TicketPriority } from '@support/domain-sla';
import type { DataSource } from 'typeorm';
import { fireDueTimers } from '../apps/sla-escalation/src/clocks/clock-ledger';
import { storedClockState } from '../apps/sla-escalation/src/clocks/clock-state';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TEMPLATE_TICKET = 'TEMPLATE-TICKET-ID';
const TEMPLATE_START = new Date('2000-01-01T00:00:00.000Z');
/** rows per INSERT … SELECT: big enough to be quick, small enough for a short transaction */
const CHUNK = 100_000;

export const TARGETS: Record<'urgent' | 'high' | 'normal', number> = { urgent: HOUR, high: 4 * HOUR, normal: 24 * HOUR };

export interface ClockSet {
  /** distinguishes the clocks (and tickets) of one set; 8 characters */
  tag: string;
  count: number;
  priority: keyof typeof TARGETS;
  /** the start of clock number 1; the others follow every `stepMs` */
  firstStart: Date;
  stepMs: number;
  /** the warning was already published (the state says so and no warning timer is left) */
  warned?: boolean;
}

/** The instants of a template clock that appear in its JSON, and what replaces each in SQL. */
function template(priority: TicketPriority, targetMs: number, warned: boolean): { json: string; instants: Array<[string, number]> } {
  const policy = defaultSlaPolicy();
  let clock = startClock({
    ticketId: TEMPLATE_TICKET,
    metric: 'first_response',
    priority,
    startedAt: TEMPLATE_START,
    targetMs,
    policy,
  }).clock;
  if (warned) clock = fireDueTimers(clock, policy, new Date(TEMPLATE_START.getTime() + 0.8 * targetMs)).clock;
  // the state column as the ledger writes it: what the row's columns do not hold
  const json = JSON.stringify(storedClockState(clock));
  // offsets from the start of the instants the state holds: running-since (the start)
  const instants: Array<[string, number]> = [[TEMPLATE_START.toISOString(), 0]];
  for (const [iso] of instants) if (!json.includes(iso)) throw new Error(`template clock lacks ${iso}`);
  return { json, instants };
}

/** An ISO-8601 instant with milliseconds and Z, as `Date.toISOString` writes it. */
const iso = (expression: string) =>
  `CONCAT(DATE_FORMAT(${expression}, '%Y-%m-%dT%H:%i:%s.'), LPAD(MICROSECOND(${expression}) DIV 1000, 3, '0'), 'Z')`;
const plusMs = (expression: string, ms: number) => `(${expression} + INTERVAL ${Math.round(ms) * 1000} MICROSECOND)`;

/** Inserts a set of running first-response clocks and their timers; answers the timer rows written. */
export async function insertClocks(dataSource: DataSource, set: ClockSet): Promise<number> {
  if (set.tag.length !== 8) throw new Error('a clock set tag has 8 characters');
  const targetMs = TARGETS[set.priority];
  const { json, instants } = template(set.priority, targetMs, set.warned ?? false);
  const start = 'g.started';
  let state = '?';
  for (const [marker, offset] of instants) state = `REPLACE(${state}, '${marker}', ${iso(plusMs(start, offset))})`;
  let timers = 0;
  for (let from = 1; from <= set.count; from += CHUNK) {
    const to = Math.min(set.count, from + CHUNK - 1);
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sla_clock (id, ticket_id, metric, cycle, priority, policy_id, policy_version, account_id, plan, target_ms,
           clock_state, state, started_at, due_at, warning_at, warned_at, stopped_at, breached_at, outcome, stop_reason,
           elapsed_ms, escalation_level, correlation_id, created_at, updated_at, version)
         SELECT g.id, g.ticket_id, 'first_response', 1, ?, 'default', 1, 'acct-bench', 'pro', ?,
           'running', ${state}, ${start}, ${plusMs(start, targetMs)}, ${plusMs(start, 0.75 * targetMs)},
           ${set.warned ? plusMs(start, 0.75 * targetMs) : 'NULL'}, NULL, NULL, NULL, NULL, NULL, 0,
           CONCAT('corr-', g.ticket_id), ${start}, ${start}, 1
         FROM (SELECT CONCAT(?, '-', LPAD(seq, 27, '0')) AS id, CONCAT('tk-', ?, '-', LPAD(seq, 24, '0')) AS ticket_id,
                      (? + INTERVAL (seq - 1) * ? MICROSECOND) AS started
               FROM seq_${from}_to_${to}) g`,
        [set.priority, targetMs, json, set.tag, set.tag, set.firstStart, Math.round(set.stepMs * 1000)],
      );
      const [kind, offset] = set.warned ? ['breach', targetMs] : ['warning', 0.75 * targetMs];
      const result = await manager.query(
        `INSERT INTO sla_timer (clock_id, ticket_id, kind, level, due_at, created_at)
         SELECT c.id, c.ticket_id, '${kind}', 0, c.started_at + INTERVAL ${Math.round(offset) * 1000} MICROSECOND, c.started_at
         FROM sla_clock c
         WHERE c.id BETWEEN CONCAT(?, '-', LPAD(?, 27, '0')) AND CONCAT(?, '-', LPAD(?, 27, '0'))`,
        [set.tag, from, set.tag, to],
      );
      timers += Number(result.affectedRows ?? 0);
    });
  }
  return timers;
}
