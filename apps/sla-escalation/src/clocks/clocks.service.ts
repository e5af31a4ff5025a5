import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SlaClockStarted,
  type EntitlementCheckedV1, type EventOrigin, type SupportEvent, type TicketCommentedV1, type TicketFirstRespondedV1,
  type TicketPriorityChangedV1, type TicketStatus, type TicketStatusChangedV1,
} from '@support/contracts';
import {
  formatIsoDuration, InvalidDurationError, parseIsoDuration, pauseClock, pausesClock, resumeClock, retimeClock, slaTargetMs, startClock,
  stopClock, TICKET_PRIORITIES, type SlaClock, type SlaClockStep, type SlaMetric, type SlaPolicy, type TicketPriority,
} from '@support/domain-sla';
import { originOf, OutboxWriter, UnprocessableEventError, type BatchContext } from '@support/messaging';
import { updateRows } from '@support/persistence';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SlaConsistencyCounters } from '../consistency/sla-consistency-counters';
import { PolicyCatalogService, type PolicyInForce } from '../policies/policy-catalog.service';
import { SlaTimeSource } from '../time-source';
import { ClockLedger, fireDueTimers, type ClockWrite, type StopPublication } from './clock-ledger';
import { clockFromJson } from './clock-state';
import { SlaClockRecord } from './sla-clock.entity';
import { SlaTicketRecord } from './sla-ticket.entity';

/** The ticket facts handlers change, written back once per batch. */
const TICKET_FACTS: ReadonlyArray<keyof SlaTicketRecord & string> = [
  'requesterId', 'accountId', 'plan', 'entitled', 'slaTarget', 'slaTargets', 'decisionPriority', 'decidedAt', 'decisionId',
  'clocksOwedFrom', 'clockCheckedAt', 'priority', 'priorityChangedAt', 'status', 'statusChangedAt', 'firstRespondedAt', 'updatedAt',
];

/** A ticket whose entitled decision lacked a clock it owes, and the clocks started for it. */
export interface RepairedClocks {
  ticketId: string;
  metrics: SlaMetric[];
  owedFrom: Date;
  decisionId: string | null;
}

/** Statuses after which nothing is owed on the ticket any more. */
const FINISHED_STATUSES: ReadonlySet<TicketStatus> = new Set(['solved', 'closed', 'rejected']);

/**
 * A run of events in one transaction: every ticket they name, locked and read at once, and the
 * clock writes waiting to go out together (ClockLedger.writeMany).
 */
interface ClockBatch {
  manager: EntityManager;
  now: Date;
  tickets: Map<string, SlaTicketRecord>;
  clocks: Map<string, SlaClockRecord[]>;
  pending: ClockWrite[];
  changedTickets: Set<SlaTicketRecord>;
  inForce?: PolicyInForce;
  /** clocks anti-entropy started in this batch (a decision announced again, or the repair sweep) */
  repaired: RepairedClocks[];
}

/** A handler's view of one ticket: its facts and clocks, locked for the handler's transaction. */
interface TicketSession {
  batch: ClockBatch;
  manager: EntityManager;
  origin: EventOrigin;
  now: Date;
  ticket: SlaTicketRecord;
  clocks: SlaClockRecord[];
}

/**
 * Applies plan decisions and ticket events to tickets' clocks, a run of events at a time. Each
 * run locks every ticket it names (their rows, then their clocks, in id order) in the batch's
 * transaction, so the events of one ticket are applied one at a time even when they arrive on
 * two topics at once; the events then go through the same per-ticket rules in order, and the
 * clock writes they cause go out together: one upsert of clocks, one timer read, delete and
 * insert, one outbox insert for the whole run.
 */
@Injectable()
export class ClocksService {
  private readonly logger = new Logger('ClocksService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyCatalogService,
    private readonly ledger: ClockLedger,
    private readonly time: SlaTimeSource,
    private readonly counters: SlaConsistencyCounters,
    private readonly outbox: OutboxWriter,
  ) {}

  applyDecisions(events: SupportEvent<EntitlementCheckedV1>[], context: BatchContext): Promise<void> {
    return this.inBatch(events, context, (session, event) => this.applyDecision(session, event));
  }

  applyPriorityChanges(events: SupportEvent<TicketPriorityChangedV1>[], context: BatchContext): Promise<void> {
    return this.inBatch(events, context, (session, event) => this.applyPriorityChange(session, event));
  }

  applyStatusChanges(events: SupportEvent<TicketStatusChangedV1>[], context: BatchContext): Promise<void> {
    return this.inBatch(events, context, (session, event) => this.applyStatusChange(session, event));
  }

  applyFirstResponses(events: SupportEvent<TicketFirstRespondedV1>[], context: BatchContext): Promise<void> {
    return this.inBatch(events, context, (session, event) => this.applyFirstResponse(session, event));
  }

  applyComments(events: SupportEvent<TicketCommentedV1>[], context: BatchContext): Promise<void> {
    return this.inBatch(events, context, (session, event) => this.applyComment(session, event));
  }

  /**
   * Runs the per-ticket rules for each event in order over the batch's locked tickets, then
   * writes what is still pending and the tickets' changed facts.
   */
  private async inBatch<T extends { ticketId: string }>(
    events: SupportEvent<T>[],
    context: BatchContext,
    apply: (session: TicketSession, event: SupportEvent<T>) => Promise<void>,
  ): Promise<void> {
    const batch = await this.open(events.map((event) => event.data.ticketId), context.manager);
    for (const event of events) {
      const ticketId = event.data.ticketId;
      // an earlier event of this ticket in the run is written before this one reads its clocks
      if (batch.pending.some((write) => write.record.ticketId === ticketId)) await this.flush(batch);
      const ticket = batch.tickets.get(ticketId);
      const clocks = batch.clocks.get(ticketId);
      if (!ticket || !clocks) throw new Error(`ticket ${ticketId} was not locked with its batch`);
      const session: TicketSession = { batch, manager: batch.manager, origin: originOf(event), now: batch.now, ticket, clocks };
      await apply(session, event);
    }
    await this.flush(batch);
    await updateRows(batch.manager, SlaTicketRecord, [...batch.changedTickets], TICKET_FACTS);
    this.reportRepairs(batch.repaired, 'its decision was announced again');
  }

  /** A warn line per ticket whose missing clocks anti-entropy started, and the counters. */
  private reportRepairs(repaired: RepairedClocks[], how: string): void {
    for (const { ticketId, metrics, owedFrom, decisionId } of repaired) {
      this.counters.increment('ticketsRepaired');
      this.counters.increment('clocksRepaired', metrics.length);
      this.logger.warn(
        `anti-entropy: ticket ${ticketId} had an entitled decision (${decisionId ?? 'id unknown'}) but no ${metrics.join(' or ')} clock; ` +
          `started it from ${owedFrom.toISOString()} (${how})`,
      );
    }
  }

  /**
   * An entitled decision starts the first-response clock (and a resolution clock when the policy
   * sets a target) at the ticket's creation, or at the decision for a plan change; a decision
   * that withdraws the deadline cancels the running clocks; a plan change that keeps it re-times
   * them to the new plan's targets.
   */
  private async applyDecision(session: TicketSession, event: SupportEvent<EntitlementCheckedV1>): Promise<void> {
    const decision = event.data;
    const decidedAt = new Date(decision.decidedAt);
    const { ticket } = session;
    // one ticket's decisions share a partition; this only guards a replay of an older one
    if (ticket.decidedAt && decidedAt < ticket.decidedAt) return;
    if (ticket.decisionId !== null && ticket.decisionId === decision.decisionId) {
      this.counters.increment('repeatDecisions');
      // the same decision announced again (entitlements answers a re-driven ticket with its
      // recorded decision): nothing is re-timed or stopped; only a clock it owes and lacks starts
      if (ticket.entitled && ticket.clocksOwedFrom) {
        const started = await this.startMissingClocks(session, ticket.clocksOwedFrom);
        if (started.length > 0) session.batch.repaired.push({ ticketId: ticket.ticketId, metrics: started, owedFrom: ticket.clocksOwedFrom, decisionId: ticket.decisionId });
        else await this.reannounceRunningClock(session);
      }
      return;
    }
    checkDecisionTargets(decision);
    const startedAt = decision.trigger === 'plan_changed' ? decidedAt : new Date(decision.ticketCreatedAt);
    Object.assign(ticket, {
      requesterId: decision.requesterId,
      accountId: decision.accountId,
      plan: decision.plan,
      entitled: decision.status === 'entitled',
      slaTarget: decision.slaTarget ?? null,
      slaTargets: decision.slaTargets ?? null,
      decisionPriority: decision.priority,
      decidedAt,
      decisionId: decision.decisionId,
      clocksOwedFrom: decision.status === 'entitled' ? startedAt : null,
      // the repair sweep checks, once the decision is old enough, that its clocks are in place
      clockCheckedAt: null,
    });
    this.saveTicket(session);

    if (decision.status !== 'entitled') {
      for (const record of openClocks(session)) {
        await this.change(session, record, decidedAt, (clock, policy) => stopClock(clock, decidedAt, policy), {
          reason: 'entitlement_revoked',
          cancelsUnlessBreached: true,
        });
      }
      return;
    }

    const inForce = await this.inForce(session);
    for (const metric of ['first_response', 'resolution'] as const) {
      const current = latestClock(session, metric);
      if (current && current.clockState !== 'stopped') {
        await this.retimeToTarget(session, current, decidedAt);
      } else if (!current || current.stopReason === 'entitlement_revoked') {
        await this.startOwedClock(session, metric, startedAt, inForce, current);
      }
    }
  }

  /** Re-times every running or paused clock to the new priority's target, keeping the time used. */
  private async applyPriorityChange(session: TicketSession, event: SupportEvent<TicketPriorityChangedV1>): Promise<void> {
    const change = event.data;
    const changedAt = new Date(change.changedAt);
    const { ticket } = session;
    if (ticket.priorityChangedAt && changedAt < ticket.priorityChangedAt) return;
    Object.assign(ticket, { priority: change.priority, priorityChangedAt: changedAt });
    this.saveTicket(session);
    for (const record of openClocks(session)) {
      await this.retimeToTarget(session, record, changedAt);
    }
  }

  /** Solved, closed and rejected stop every clock; other statuses pause or resume per policy. */
  private async applyStatusChange(session: TicketSession, event: SupportEvent<TicketStatusChangedV1>): Promise<void> {
    const change = event.data;
    const changedAt = new Date(change.changedAt);
    const { ticket } = session;
    if (ticket.statusChangedAt && changedAt < ticket.statusChangedAt) return;
    Object.assign(ticket, { status: change.status, statusChangedAt: changedAt });
    this.saveTicket(session);

    for (const record of openClocks(session)) {
      if (FINISHED_STATUSES.has(change.status)) {
        await this.change(session, record, changedAt, (clock, policy) => stopClock(clock, changedAt, policy), {
          reason: `ticket_${change.status}`,
          // solving is what a resolution clock waits for; a reply clock stopped by it was never answered
          cancelsUnlessBreached: !(record.metric === 'resolution' && change.status !== 'rejected'),
        });
      } else {
        await this.change(session, record, changedAt, (clock, policy) =>
          pausesClock(policy, record.metric, change.status) ? pauseClock(clock, changedAt, policy) : resumeClock(clock, changedAt, policy),
        );
      }
    }
  }

  /** The first public agent reply stops the first-response clock, met or breached. */
  private async applyFirstResponse(session: TicketSession, event: SupportEvent<TicketFirstRespondedV1>): Promise<void> {
    const response = event.data;
    const respondedAt = new Date(response.respondedAt);
    const { ticket } = session;
    if (ticket.firstRespondedAt && ticket.firstRespondedAt <= respondedAt) return;
    ticket.firstRespondedAt = respondedAt;
    this.saveTicket(session);
    const current = latestClock(session, 'first_response');
    if (current && current.clockState !== 'stopped') {
      await this.stopOnReply(session, current, respondedAt, 'first_responded');
    }
  }

  /**
   * Next replies: once the ticket has had its first response, a public customer comment starts
   * a next-reply clock when the policy sets a target, and the next public staff comment stops it.
   */
  private async applyComment(session: TicketSession, event: SupportEvent<TicketCommentedV1>): Promise<void> {
    const comment = event.data;
    if (!comment.public) return;
    const at = new Date(comment.createdAt);
    const { ticket } = session;
    const current = latestClock(session, 'next_reply');
    if (comment.authorRole !== 'customer') {
      if (current && current.clockState !== 'stopped') await this.stopOnReply(session, current, at, 'agent_replied');
      return;
    }
    const awaitingReply = current !== undefined && current.clockState !== 'stopped';
    const answeredBefore = ticket.firstRespondedAt !== null && ticket.firstRespondedAt <= at;
    if (!ticket.entitled || !answeredBefore || awaitingReply || (ticket.status && FINISHED_STATUSES.has(ticket.status))) return;
    const inForce = await this.inForce(session);
    const targetMs = slaTargetMs(inForce.policy, 'next_reply', currentPriority(ticket));
    if (targetMs === null) return;
    const record = await this.start(session, 'next_reply', at, targetMs, inForce, (current?.cycle ?? 0) + 1);
    await this.applyKnownStatus(session, record, at);
  }

  async forTicket(ticketId: string): Promise<{ ticket: SlaTicketRecord | null; clocks: SlaClockRecord[] }> {
    const [ticket, clocks] = await Promise.all([
      this.dataSource.getRepository(SlaTicketRecord).findOneBy({ ticketId }),
      this.dataSource.getRepository(SlaClockRecord).find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { ticket, clocks };
  }

  /**
   * Anti-entropy: for these tickets (locked by the caller), starts each clock their entitled
   * decision owes but that does not exist, as applying the decision would have. A ticket with a
   * clock of the metric (in any state) is left alone, so this never starts a second clock.
   */
  async repairMissingClocks(manager: EntityManager, ticketIds: string[]): Promise<RepairedClocks[]> {
    const batch = await this.open(ticketIds, manager);
    for (const ticketId of [...new Set(ticketIds)].sort()) {
      const ticket = batch.tickets.get(ticketId);
      const clocks = batch.clocks.get(ticketId);
      if (!ticket?.entitled || !ticket.clocksOwedFrom || !clocks) continue;
      // the flow that started the ticket's clocks before, if any; else a new one for the repair
      const origin = { correlationId: clocks[0]?.correlationId ?? uuidv7() };
      const session: TicketSession = { batch, manager, origin, now: batch.now, ticket, clocks };
      const started = await this.startMissingClocks(session, ticket.clocksOwedFrom);
      if (started.length > 0) batch.repaired.push({ ticketId, metrics: started, owedFrom: ticket.clocksOwedFrom, decisionId: ticket.decisionId });
    }
    await this.flush(batch);
    this.reportRepairs(batch.repaired, 'found by the repair sweep');
    return batch.repaired;
  }

  /**
   * A repeated decision means ticketing re-drove the ticket because it shows no decision or no
   * clock: its clock_started may be what was lost. A first-response clock that runs untouched
   * (not breached, not escalated) is announced again as it stands, same clockId, so the ticket
   * shows it; a clock that has moved on is left for its own events (ticketing then reports the
   * ticket as stuck once its re-drives are used up).
   */
  private async reannounceRunningClock(session: TicketSession): Promise<void> {
    const clock = latestClock(session, 'first_response');
    if (!clock || clock.clockState !== 'running' || clock.breachedAt || clock.escalationLevel > 0 || !clock.dueAt || !clock.warningAt) return;
    // pending writes of earlier events of this batch go out first, so the events stay in order
    await this.flush(session.batch);
    await this.outbox.add(
      session.manager,
      SlaClockStarted,
      {
        clockId: clock.id,
        ticketId: clock.ticketId,
        metric: clock.metric,
        priority: clock.priority,
        startedAt: clock.startedAt.toISOString(),
        dueAt: clock.dueAt.toISOString(),
        warningAt: clock.warningAt.toISOString(),
        target: formatIsoDuration(clock.targetMs),
        policyId: clock.policyId,
      },
      session.origin,
    );
    this.counters.increment('clocksReannounced');
  }

  /** Starts every owed clock of an entitled ticket that has none of its metric; returns their metrics. */
  private async startMissingClocks(session: TicketSession, owedFrom: Date): Promise<SlaMetric[]> {
    const started: SlaMetric[] = [];
    for (const metric of ['first_response', 'resolution'] as const) {
      if (latestClock(session, metric)) continue;
      const before = session.clocks.length;
      await this.startOwedClock(session, metric, owedFrom, await this.inForce(session), undefined);
      if (session.clocks.length > before) started.push(metric);
    }
    return started;
  }

  /** Starts a clock the ticket is owed, then brings it up to what is already known of the ticket. */
  private async startOwedClock(
    session: TicketSession,
    metric: 'first_response' | 'resolution',
    startedAt: Date,
    inForce: PolicyInForce,
    previous: SlaClockRecord | undefined,
  ): Promise<void> {
    const { ticket } = session;
    const finishedAt = ticket.status && FINISHED_STATUSES.has(ticket.status) ? ticket.statusChangedAt : null;
    const respondedAt = ticket.firstRespondedAt;
    if (metric === 'first_response') {
      // answered before the deadline applied (a plan upgrade), or closed unanswered: nothing owed
      if (respondedAt && respondedAt <= startedAt) return;
      if (!respondedAt && finishedAt) return;
    } else if (ticket.status === 'rejected' || (finishedAt && finishedAt <= startedAt)) {
      return;
    }
    const targetMs = targetFor(metric, currentPriority(ticket), ticket, inForce.policy);
    if (targetMs === null) return;
    const record = await this.start(session, metric, startedAt, targetMs, inForce, (previous?.cycle ?? 0) + 1);
    await this.applyKnownStatus(session, record, startedAt);
    if (metric === 'first_response' && respondedAt) {
      await this.stopOnReply(session, record, respondedAt, 'first_responded');
    } else if (metric === 'resolution' && finishedAt) {
      await this.change(session, record, finishedAt, (clock, policy) => stopClock(clock, finishedAt, policy), {
        reason: `ticket_${ticket.status}`,
        cancelsUnlessBreached: false,
      });
    }
  }

  private async start(
    session: TicketSession,
    metric: SlaMetric,
    startedAt: Date,
    targetMs: number,
    inForce: PolicyInForce,
    cycle: number,
  ): Promise<SlaClockRecord> {
    const { ticket } = session;
    const step = startClock({ ticketId: ticket.ticketId, metric, priority: currentPriority(ticket), startedAt, targetMs, policy: inForce.policy });
    const record = Object.assign(new SlaClockRecord(), {
      id: uuidv7(),
      ticketId: ticket.ticketId,
      metric,
      cycle,
      policyId: inForce.policy.id,
      policyVersion: inForce.version,
      accountId: ticket.accountId,
      plan: ticket.plan,
      outcome: null,
      stopReason: null,
      elapsedMs: null,
      correlationId: session.origin.correlationId,
      createdAt: session.now,
    });
    this.write(session, { record, clock: step.clock, transitions: step.transitions, change: { policy: inForce.policy, origin: session.origin, now: session.now } });
    session.clocks.push(record);
    return record;
  }

  /** A status seen before the clock existed may already pause it. */
  private async applyKnownStatus(session: TicketSession, record: SlaClockRecord, startedAt: Date): Promise<void> {
    const { status, statusChangedAt } = session.ticket;
    if (!status || FINISHED_STATUSES.has(status)) return;
    const at = statusChangedAt && statusChangedAt > startedAt ? statusChangedAt : startedAt;
    await this.change(session, record, at, (clock, policy) =>
      pausesClock(policy, record.metric, status) ? pauseClock(clock, at, policy) : { clock, transitions: [] },
    );
  }

  private async retimeToTarget(session: TicketSession, record: SlaClockRecord, at: Date): Promise<void> {
    const policy = await this.policyOf(session, record);
    const priority = currentPriority(session.ticket);
    const targetMs = targetFor(record.metric, priority, session.ticket, policy);
    if (targetMs === null) {
      // the policy sets no deadline for this metric at the new priority
      await this.change(session, record, at, (clock) => stopClock(clock, at, policy), { reason: 'no_target', cancelsUnlessBreached: true });
      return;
    }
    await this.change(session, record, at, (clock) => retimeClock(clock, priority, targetMs, at, policy));
  }

  private stopOnReply(session: TicketSession, record: SlaClockRecord, at: Date, reason: string): Promise<void> {
    return this.change(session, record, at, (clock, policy) => stopClock(clock, at, policy), { reason, cancelsUnlessBreached: false });
  }

  /**
   * Applies one operation to a stored clock: first the thresholds it crossed before `at` (so a
   * breach that was due before a late reply is announced, with its escalation, before the stop),
   * then the operation itself.
   */
  private async change(
    session: TicketSession,
    record: SlaClockRecord,
    at: Date,
    operate: (clock: SlaClock, policy: SlaPolicy) => SlaClockStep,
    stop?: StopPublication,
  ): Promise<void> {
    // a write of this clock still pending must land on the record before it is read again
    if (session.batch.pending.some((write) => write.record === record)) await this.flush(session.batch);
    const policy = await this.policyOf(session, record);
    const caughtUp = fireDueTimers(clockFromJson(record.state), policy, at);
    const step = operate(caughtUp.clock, policy);
    const transitions = [...caughtUp.transitions, ...step.transitions];
    if (transitions.length === 0) return;
    this.write(session, { record, clock: step.clock, transitions, change: { policy, origin: session.origin, now: session.now, stop } });
  }

  private policyOf(session: TicketSession, record: SlaClockRecord): Promise<SlaPolicy> {
    return this.policies.atVersion(record.policyId, record.policyVersion, session.manager);
  }

  /** The policy in force, read once per batch. */
  private async inForce(session: TicketSession): Promise<PolicyInForce> {
    session.batch.inForce ??= await this.policies.inForce(undefined, session.manager);
    return session.batch.inForce;
  }

  private write(session: TicketSession, write: ClockWrite): void {
    session.batch.pending.push(write);
  }

  /** Writes the pending clock changes, set-based, in the order they were made. */
  private async flush(batch: ClockBatch): Promise<void> {
    if (batch.pending.length === 0) return;
    const writes = batch.pending.splice(0);
    await this.ledger.writeMany(batch.manager, writes);
  }

  /**
   * Locks the tickets' facts (creating them on first sight), then their clocks, each in id
   * order so that two batches sharing tickets queue instead of deadlocking. Every lock is taken
   * by primary key on an existing row.
   */
  private async open(ticketIds: string[], manager: EntityManager): Promise<ClockBatch> {
    const now = this.time.now();
    const ids = [...new Set(ticketIds)].sort();
    // an upsert takes the rows' exclusive locks at once, so two first sights cannot deadlock
    await manager.query('INSERT INTO sla_ticket (ticket_id, updated_at) VALUES ? ON DUPLICATE KEY UPDATE ticket_id = ticket_id', [
      ids.map((id) => [id, now]),
    ]);
    const tickets = await manager.find(SlaTicketRecord, { where: { ticketId: In(ids) }, order: { ticketId: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    // clocks are only created under their ticket's lock, which is held now, so this read is complete
    const clockIds: Array<{ id: string }> = await manager.query('SELECT id FROM sla_clock WHERE ticket_id IN (?)', [ids]);
    const clocks =
      clockIds.length === 0
        ? []
        : await manager.find(SlaClockRecord, {
            where: { id: In(clockIds.map((row) => row.id)) },
            order: { id: 'ASC' },
            lock: { mode: 'pessimistic_write' },
          });
    const byTicket = new Map<string, SlaClockRecord[]>(ids.map((id) => [id, []]));
    for (const clock of clocks.sort((a, b) => a.metric.localeCompare(b.metric) || a.cycle - b.cycle)) byTicket.get(clock.ticketId)?.push(clock);
    return {
      manager,
      now,
      tickets: new Map(tickets.map((ticket) => [ticket.ticketId, ticket])),
      clocks: byTicket,
      pending: [],
      changedTickets: new Set(),
      repaired: [],
    };
  }

  private saveTicket(session: TicketSession): void {
    session.ticket.updatedAt = session.now;
    session.batch.changedTickets.add(session.ticket);
  }
}

function openClocks(session: TicketSession): SlaClockRecord[] {
  return session.clocks.filter((record) => record.clockState !== 'stopped');
}

function latestClock(session: TicketSession, metric: SlaMetric): SlaClockRecord | undefined {
  return session.clocks.filter((record) => record.metric === metric).sort((a, b) => b.cycle - a.cycle)[0];
}

function currentPriority(ticket: SlaTicketRecord): TicketPriority {
  const priority = ticket.priority ?? ticket.decisionPriority;
  if (!priority) throw new UnprocessableEventError(`ticket ${ticket.ticketId}: no priority is known for it yet`);
  return priority;
}

/**
 * First-response targets come from the customer's plan (the decision's targets per priority),
 * else from the policy; other metrics are the policy's alone. Null means no clock runs.
 */
function targetFor(metric: SlaMetric, priority: TicketPriority, ticket: SlaTicketRecord, policy: SlaPolicy): number | null {
  if (metric === 'first_response') {
    const fromPlan = ticket.slaTargets?.[priority] ?? (priority === ticket.decisionPriority ? ticket.slaTarget : null);
    if (fromPlan) return parseIsoDuration(fromPlan);
  }
  return slaTargetMs(policy, metric, priority);
}

/** Targets are parsed again on every later priority change, so a bad one is refused up front. */
function checkDecisionTargets(decision: EntitlementCheckedV1): void {
  const named: Array<[string, unknown]> = [['slaTarget', decision.slaTarget]];
  for (const [priority, target] of Object.entries(decision.slaTargets ?? {})) {
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority)) {
      throw new UnprocessableEventError(`slaTargets.${priority}: not a ticket priority`);
    }
    named.push([`slaTargets.${priority}`, target]);
  }
  for (const [field, target] of named) {
    if (target === null || target === undefined) continue;
    try {
      parseIsoDuration(target as string);
    } catch (error) {
      if (error instanceof InvalidDurationError) throw new UnprocessableEventError(`${field}: ${error.message}`);
      throw error;
    }
  }
}
