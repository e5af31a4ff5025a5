import { Injectable } from '@nestjs/common';
import type {
  EntitlementCheckedV1,
  KbArticlesSuggestedV1,
  SlaBreachedV1,
  SlaClockRetimedV1,
  SlaClockStartedV1,
  SlaClockStoppedV1,
  SlaEscalatedV1,
  SupportEvent,
} from '@support/contracts';
import { originOf, UnprocessableEventError, type BatchContext } from '@support/messaging';
import { storedDatetime, updateRows } from '@support/persistence';
import { In, type EntityManager } from 'typeorm';
import type { SuggestedArticle } from '../tickets/suggested-article';
import { Ticket } from '../tickets/ticket.entity';
import { TicketStatusRecorder } from '../tickets/ticket-status.recorder';

/** Who changed a ticket when no person did: the plan check. */
const PLAN_CHECK_ACTOR = 'system:entitlements';
/** The ticket's `entitlement_reason` is a CHAR(64), a machine-readable code; `ticket_plan_check.plan` a VARCHAR(16). */
const REASON_CHARS = 64;
const PLAN_CHARS = 16;
/** More suggestions than this are not read by anyone; the knowledge base ranks them best first. */
const MAX_SUGGESTIONS = 10;

/**
 * What the other services say about a ticket, shown on it: the plan check's decision, the SLA
 * first-response clock, the knowledge base's suggested reading. Each batch runs in the consumer's
 * transaction (the inbox records the events with the effect); commands live in TicketsService.
 */
@Injectable()
export class TicketProjections {
  constructor(private readonly statuses: TicketStatusRecorder) {}

  /**
   * Shows the plan check on each ticket; a refused new ticket becomes rejected, with the reason.
   * The ticket keeps the decision's status, reason and time at a fixed length, rewritten in place;
   * its message, plan and channels go to the ticket's `ticket_plan_check` row (TicketPlanCheck),
   * guarded by the same time. A batch without refusals (the usual one: every entitled ticket) is
   * shown with one guarded UPDATE and no locking read; a refusal may change a ticket's status,
   * which the lifecycle decides from the ticket as it is, so a batch holding one is read, locked
   * and applied in order (all of it, so that its tickets are still locked in id order). Either way
   * the tickets are locked before their side rows, as every writer of both does.
   */
  async applyDecisions(events: SupportEvent<EntitlementCheckedV1>[], context: BatchContext): Promise<void> {
    for (const event of events) {
      const { reason, plan } = event.data;
      if ((reason.length > REASON_CHARS && [...reason].length > REASON_CHARS) || (plan != null && plan.length > PLAN_CHARS)) {
        throw new UnprocessableEventError(
          `decision for ${event.data.ticketId.slice(0, 40)}: reason over ${REASON_CHARS} or plan over ${PLAN_CHARS} characters`,
        );
      }
    }
    const newest = newestPerTicket(events, decidedAt);
    // whether every ticket of the batch is known to exist, so that the side rows need not join it
    let allFiled = false;
    if (events.some(isRefusal)) await this.applyDecisionsInOrder(events, context);
    else {
      // the decision shown already, announced again (entitlements answers a re-driven created
      // event with it), leaves the ticket as it was, updated_at too; not decided yet: NO_TIME,
      // older than any decision
      const shown = await updateNewest(context.manager, newest, {
        columns: `status VARCHAR(255) PATH '$[2]', reason VARCHAR(255) PATH '$[3]'`,
        values: decisionValues,
        set: `t.entitlement_status = s.status, t.entitlement_reason = s.reason, t.entitlement_decided_at = s.at, t.updated_at = ?`,
        where: `t.entitlement_decided_at <= s.at
                AND NOT (t.entitlement_decided_at = s.at AND t.entitlement_status = s.status AND t.entitlement_reason = s.reason)`,
        parameters: [new Date()],
      });
      allFiled = shown === newest.length;
    }
    await writePlanChecks(context.manager, newest, allFiled);
  }

  /**
   * Decisions applied one by one, in order, to the locked tickets in memory, written back with one
   * statement (their side rows: applyDecisions).
   */
  private async applyDecisionsInOrder(events: SupportEvent<EntitlementCheckedV1>[], context: BatchContext): Promise<void> {
    const { manager } = context;
    const tickets = await this.lockTickets(
      manager,
      events.map((event) => event.data.ticketId),
    );
    const changed = new Set<Ticket>();
    for (const event of events) {
      const decision = event.data;
      const ticket = tickets.get(decision.ticketId);
      if (!ticket) continue;
      const decidedAt = new Date(decision.decidedAt);
      if (ticket.entitlementDecidedAt && ticket.entitlementDecidedAt > decidedAt) continue;
      // the decision shown already, announced again (entitlements answers a re-driven created
      // event with it): applying it twice could reject a ticket an agent has reopened since
      if (
        ticket.entitlementDecidedAt?.getTime() === decidedAt.getTime() &&
        ticket.entitlementStatus === decision.status &&
        ticket.entitlementReason === decision.reason
      )
        continue;
      Object.assign(ticket, {
        entitlementStatus: decision.status,
        entitlementReason: decision.reason,
        entitlementDecidedAt: decidedAt,
        updatedAt: new Date(),
      });
      if (decision.status === 'denied') {
        await this.statuses.changeIfAllowed(manager, ticket, {
          to: 'rejected',
          actor: 'plan_check',
          changedBy: PLAN_CHECK_ACTOR,
          reason: decision.message,
          origin: originOf(event),
          at: new Date(),
        });
      }
      changed.add(ticket);
    }
    await updateRows(
      manager,
      Ticket,
      [...changed],
      ['entitlementStatus', 'entitlementReason', 'entitlementDecidedAt', 'status', 'statusReason', 'solvedAt', 'updatedAt'],
    );
  }

  /**
   * Shows each started first-response clock (the SLA event every ticket gets) with ONE guarded
   * UPDATE and no locking read: per ticket the batch's newest start goes in unless the ticket
   * shows a newer SLA event, or shows this very clock already (the SLA service answers a
   * re-driven ticket so), which leaves the ticket as it was, `updated_at` too.
   */
  async applyClocksStarted(events: SupportEvent<SlaClockStartedV1>[], context: BatchContext): Promise<void> {
    const starts = newestPerTicket(events.filter(ofFirstResponse), eventTime);
    await updateNewest(context.manager, starts, {
      columns: `due DATETIME(3) PATH '$[2]'`,
      values: dueValues,
      set: `t.sla_clock_state = 'running', t.sla_first_response_due_at = s.due, t.sla_breached = 0, t.sla_escalation_level = 0,
            t.sla_updated_at = s.at, t.updated_at = ?`,
      // no clock yet: NO_TIME, older than any event
      where: `t.sla_updated_at <= s.at
              AND NOT (t.sla_clock_state <=> 'running' AND t.sla_first_response_due_at <=> s.due AND t.sla_breached = 0
                       AND t.sla_escalation_level = 0)`,
      parameters: [new Date()],
    });
  }

  applyClocksRetimed(events: SupportEvent<SlaClockRetimedV1>[], context: BatchContext): Promise<void> {
    return this.applySlaEvents(events, context, (ticket, event) =>
      Object.assign(ticket, { slaFirstResponseDueAt: event.data.dueAt ? new Date(event.data.dueAt) : null }),
    );
  }

  applyBreaches(events: SupportEvent<SlaBreachedV1>[], context: BatchContext): Promise<void> {
    return this.applySlaEvents(events, context, (ticket) => Object.assign(ticket, { slaBreached: true }), { monotonic: true });
  }

  applyEscalations(events: SupportEvent<SlaEscalatedV1>[], context: BatchContext): Promise<void> {
    return this.applySlaEvents(
      events,
      context,
      (ticket, event) =>
        Object.assign(ticket, { slaEscalationLevel: Math.max(ticket.slaEscalationLevel, event.data.level), slaBreached: true }),
      { monotonic: true, touchesClockTime: false },
    );
  }

  applyClocksStopped(events: SupportEvent<SlaClockStoppedV1>[], context: BatchContext): Promise<void> {
    return this.applySlaEvents(events, context, (ticket, event) =>
      Object.assign(ticket, { slaClockState: 'stopped', ...(event.data.outcome === 'breached' ? { slaBreached: true } : {}) }),
    );
  }

  /**
   * Shows the knowledge base's latest suggestions for each ticket, replacing the earlier ones:
   * the batch's newest set per ticket goes into the ticket's `ticket_suggestions` row unless that
   * row holds a newer one already. Two statements, no locking read, in ticket id order:
   * - the tickets no longer await suggestions (`awaiting_suggestions` to FALSE and the version
   *   counting the write, both in place: the ticket's row keeps its length, so InnoDB does not
   *   move it). The UPDATE locks the batch's tickets before their side rows, as every writer of
   *   both does, so concurrent batches queue instead of deadlocking; the rows it matched are the
   *   batch's tickets that exist;
   * - the sets are upserted, guarded by their time: an older set arriving late changes nothing;
   *   one of the same time (a re-announcement carries the recorded time) replaces the list. When
   *   the batch names a ticket ticketing never filed, the upsert keeps to the tickets that exist,
   *   so no set is stored for nobody.
   */
  async applySuggestions(events: SupportEvent<KbArticlesSuggestedV1>[], context: BatchContext): Promise<void> {
    for (const event of events) {
      for (const suggestion of event.data.suggestions) {
        if (suggestion.articleId.length > 255 || suggestion.locale.length > 35) {
          throw new UnprocessableEventError(
            `suggestion ${suggestion.articleId.slice(0, 40)}: articleId over 255 or locale over 35 characters`,
          );
        }
      }
    }
    const newest = newestPerTicket(events, suggestedAt);
    if (newest.length === 0) return;
    const sets = `list JSON PATH '$[2]'`;
    const rows = newestRows(newest, suggestionValues);
    const shown: { affectedRows: number } = await context.manager.query(
      `UPDATE ${newestTable(sets)} STRAIGHT_JOIN ticket t ON t.id = s.id
         SET t.awaiting_suggestions = FALSE, t.version = t.version + 1`,
      [rows],
    );
    const ofFiledTicketsOnly = shown.affectedRows < newest.length ? 'STRAIGHT_JOIN ticket t ON t.id = s.id' : '';
    await context.manager.query(
      `INSERT INTO ticket_suggestions (ticket_id, suggested_at, articles)
       SELECT s.id, s.at, s.list FROM ${newestTable(sets)} ${ofFiledTicketsOnly}
       ON DUPLICATE KEY UPDATE
         articles = IF(VALUES(suggested_at) >= ticket_suggestions.suggested_at, VALUES(articles), ticket_suggestions.articles),
         suggested_at = GREATEST(ticket_suggestions.suggested_at, VALUES(suggested_at))`,
      [rows],
    );
  }

  /**
   * SLA events of the first-response clock, applied in order to the locked tickets in memory and
   * written back with one statement. Events of one ticket arrive in order on one partition; the
   * time guard covers replays of old ones.
   */
  private async applySlaEvents<E extends { ticketId: string; metric: string }>(
    events: SupportEvent<E>[],
    context: BatchContext,
    apply: (ticket: Ticket, event: SupportEvent<E>) => void,
    options: { monotonic?: boolean; touchesClockTime?: boolean } = {},
  ): Promise<void> {
    const relevant = events.filter(ofFirstResponse);
    if (relevant.length === 0) return;
    const tickets = await this.lockTickets(
      context.manager,
      relevant.map((event) => event.data.ticketId),
    );
    const changed = new Set<Ticket>();
    const now = new Date();
    for (const event of relevant) {
      const ticket = tickets.get(event.data.ticketId);
      if (!ticket) continue;
      const at = new Date(event.time);
      if (!options.monotonic && ticket.slaUpdatedAt && ticket.slaUpdatedAt > at) continue;
      apply(ticket, event);
      if (options.touchesClockTime !== false) ticket.slaUpdatedAt = at;
      if (options.touchesClockTime !== false) ticket.updatedAt = now;
      changed.add(ticket);
    }
    await updateRows(
      context.manager,
      Ticket,
      [...changed],
      ['slaClockState', 'slaFirstResponseDueAt', 'slaBreached', 'slaEscalationLevel', 'slaUpdatedAt', 'updatedAt'],
    );
  }

  /** Locks the tickets in id order (so concurrent batches cannot deadlock on them) and reads them. */
  private async lockTickets(manager: EntityManager, ids: string[]): Promise<Map<string, Ticket>> {
    const distinct = [...new Set(ids)].sort();
    if (distinct.length === 0) return new Map();
    const tickets = await manager.find(Ticket, { where: { id: In(distinct) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    return new Map(tickets.map((ticket) => [ticket.id, ticket]));
  }
}

/**
 * Per ticket, the newest of a batch's events by `at` (of two at the same time, the later one, as
 * applying them one by one would leave it), in ticket id order: the order the projections lock
 * tickets in. Ids no ticket can have are left out: ticket ids are UUIDs (CHAR(36)), and a longer
 * one cut short by a statement's CHAR(36) column could name another ticket.
 */
function newestPerTicket<E extends SupportEvent<{ ticketId: string }>>(
  events: readonly E[],
  at: (event: E) => Date,
): Array<{ ticketId: string; at: Date; event: E }> {
  const newest = new Map<string, { ticketId: string; at: Date; event: E }>();
  for (const event of events) {
    const ticketId = event.data.ticketId;
    if (ticketId.length !== 36) continue;
    const time = at(event);
    const earlier = newest.get(ticketId);
    if (!earlier || earlier.at <= time) newest.set(ticketId, { ticketId, at: time, event });
  }
  return [...newest.values()].sort(byTicketId);
}

/*
 * What the projections read off their events, as module-level functions rather than closures made
 * per batch: V8 drops a per-call closure's optimized code at each full collection and compiles it
 * again (CONTRIBUTING.md, "Hot paths").
 */
function byTicketId(a: { ticketId: string }, b: { ticketId: string }): number {
  return a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0;
}

function isRefusal(event: SupportEvent<EntitlementCheckedV1>): boolean {
  return event.data.status === 'denied';
}

function decidedAt(event: SupportEvent<EntitlementCheckedV1>): Date {
  return new Date(event.data.decidedAt);
}

function decisionValues({ data }: SupportEvent<EntitlementCheckedV1>): unknown[] {
  return [data.status, data.reason];
}

function planCheckValues({ data }: SupportEvent<EntitlementCheckedV1>): unknown[] {
  return [data.message, data.plan ?? null, data.channels];
}

/**
 * The batch's newest decision per ticket into the tickets' `ticket_plan_check` rows, guarded by
 * its time as the ticket is: an older decision arriving late changes nothing; one of the same time
 * (a re-announcement) writes the same texts again. Unless the caller's UPDATE changed every ticket
 * of the batch (`allFiled`: the usual case), the rows are joined to the ticket, so that none is
 * stored for a ticket ticketing never filed. The batch's tickets are locked by then (the caller's
 * UPDATE or locking read), in id order.
 */
async function writePlanChecks(
  manager: EntityManager,
  newest: Newest<SupportEvent<EntitlementCheckedV1>>,
  allFiled: boolean,
): Promise<void> {
  if (newest.length === 0) return;
  await manager.query(
    `INSERT INTO ticket_plan_check (ticket_id, decided_at, message, plan, channels)
     SELECT s.id, s.at, s.message, s.plan, s.channels
       FROM ${newestTable(`message TEXT PATH '$[2]', plan VARCHAR(16) PATH '$[3]', channels JSON PATH '$[4]'`)}
       ${allFiled ? '' : 'STRAIGHT_JOIN ticket t ON t.id = s.id'}
     ON DUPLICATE KEY UPDATE
       message = IF(VALUES(decided_at) >= ticket_plan_check.decided_at, VALUES(message), ticket_plan_check.message),
       plan = IF(VALUES(decided_at) >= ticket_plan_check.decided_at, VALUES(plan), ticket_plan_check.plan),
       channels = IF(VALUES(decided_at) >= ticket_plan_check.decided_at, VALUES(channels), ticket_plan_check.channels),
       decided_at = GREATEST(ticket_plan_check.decided_at, VALUES(decided_at))`,
    [newestRows(newest, planCheckValues)],
  );
}

function ofFirstResponse(event: SupportEvent<{ metric: string }>): boolean {
  return event.data.metric === 'first_response';
}

function eventTime(event: SupportEvent<object>): Date {
  return new Date(event.time);
}

function dueValues({ data }: SupportEvent<SlaClockStartedV1>): unknown[] {
  return [storedDatetime(new Date(data.dueAt))];
}

function suggestedAt(event: SupportEvent<KbArticlesSuggestedV1>): Date {
  return new Date(event.data.suggestedAt);
}

/** The set shown on the ticket: the first MAX_SUGGESTIONS, with the fields its page shows. */
function suggestionValues({ data }: SupportEvent<KbArticlesSuggestedV1>): unknown[] {
  const list: SuggestedArticle[] = [];
  for (const { articleId, slug, title, locale, score } of data.suggestions.slice(0, MAX_SUGGESTIONS)) {
    list.push({ articleId, slug, title, locale, score });
  }
  return [list];
}

/** A batch's newest event per ticket (newestPerTicket: in ticket id order), with its time. */
type Newest<E> = ReadonlyArray<{ ticketId: string; at: Date; event: E }>;

/**
 * `newest` as the JSON the statement's `newestTable` reads: per ticket its id, its time, then
 * `values(event)`.
 */
function newestRows<E>(newest: Newest<E>, values: (event: E) => unknown[]): string {
  const rows: unknown[][] = [];
  for (const { ticketId, at, event } of newest) rows.push([ticketId, storedDatetime(at), ...values(event)]);
  return JSON.stringify(rows);
}

/**
 * The JSON_TABLE `s` of newestRows (its `?`): `s.id`, `s.at`, then `columns` as declared, from
 * `$[2]` on. Its rows come in ticket id order, the order the projections lock tickets in, so a
 * statement that joins them to `ticket t` first makes concurrent batches queue instead of
 * deadlocking.
 */
function newestTable(columns: string): string {
  return `JSON_TABLE(?, '$[*]' COLUMNS (id CHAR(36) PATH '$[0]', at DATETIME(3) PATH '$[1]', ${columns})) AS s`;
}

/**
 * One guarded UPDATE of the tickets of a batch, with no locking read: the rows of newestTable,
 * `values(event)` as `columns` declare them, joined to `ticket t`. `set` and `where` say what
 * changes and when; `parameters` fill their `?`s; the row version counts the write, as
 * updateRows does, so every row the guard lets through is changed. Returns their number.
 */
async function updateNewest<E extends SupportEvent<{ ticketId: string }>>(
  manager: EntityManager,
  newest: Newest<E>,
  statement: { columns: string; values: (event: E) => unknown[]; set: string; where: string; parameters?: unknown[] },
): Promise<number> {
  if (newest.length === 0) return 0;
  const result: { affectedRows: number } = await manager.query(
    `UPDATE ${newestTable(statement.columns)}
       STRAIGHT_JOIN ticket t ON t.id = s.id
       SET ${statement.set}, t.version = t.version + 1
     WHERE ${statement.where}`,
    [newestRows(newest, statement.values), ...(statement.parameters ?? [])],
  );
  return result.affectedRows;
}
