import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EntitlementCheckedV1,
  SupportEvent,
  TicketCommentedV1,
  TicketFirstRespondedV1,
  TicketPriorityChangedV1,
  TicketStatusChangedV1,
} from '@support/contracts';
import { pauseClock, pausesClock, resumeClock, stopClock } from '@support/domain-sla';
import { originOf, type BatchContext } from '@support/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SlaConsistencyCounters } from './sla-consistency-counters';
import { ClockOperations } from './clock-operations';
import {
  ClockBatches,
  currentPriority,
  FINISHED_STATUSES,
  latestClock,
  openClocks,
  saveTicket,
  type RepairedClocks,
  type TicketSession,
} from './clock-session';
import { checkDecisionTargets, targetFor } from './clock-targets';
import { SlaClockRecord } from './sla-clock.entity';
import { SlaTicketRecord } from './sla-ticket.entity';

export type { RepairedClocks } from './clock-session';

/**
 * Applies plan decisions and ticket events to tickets' clocks, a run of events at a time. Each
 * run locks every ticket it names (their rows, then their clocks, in id order) in the batch's
 * transaction, so the events of one ticket are applied one at a time even when they arrive on
 * two topics at once; the events then go through the same per-ticket rules in order, and the
 * clock writes they cause go out together: one upsert of clocks, one timer read (none when every
 * clock is new), one timer upsert (and a delete when a clock owes no timer any more), one outbox
 * insert for the whole run (ClockBatches). What each event does to a clock is ClockOperations';
 * which number a clock runs to, and who owns it, is clock-targets.ts'.
 */
@Injectable()
export class ClocksService {
  private readonly logger = new Logger('ClocksService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly batches: ClockBatches,
    private readonly operations: ClockOperations,
    private readonly counters: SlaConsistencyCounters,
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
    const batch = await this.batches.open(
      events.map((event) => event.data.ticketId),
      context.manager,
    );
    for (const event of events) {
      const ticketId = event.data.ticketId;
      // an earlier event of this ticket in the run is written before this one reads its clocks
      if (batch.pending.some((write) => write.record.ticketId === ticketId)) await this.batches.flush(batch);
      const ticket = batch.tickets.get(ticketId);
      const clocks = batch.clocks.get(ticketId);
      if (!ticket || !clocks) throw new Error(`ticket ${ticketId} was not locked with its batch`);
      const session: TicketSession = { batch, manager: batch.manager, origin: originOf(event), now: batch.now, ticket, clocks };
      await apply(session, event);
    }
    await this.batches.close(batch);
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
        const started = await this.operations.startMissingClocks(session, ticket.clocksOwedFrom);
        if (started.length > 0)
          session.batch.repaired.push({
            ticketId: ticket.ticketId,
            metrics: started,
            owedFrom: ticket.clocksOwedFrom,
            decisionId: ticket.decisionId,
          });
        else if (await this.operations.reannounceRunningClock(session)) this.counters.increment('clocksReannounced');
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
    saveTicket(session);

    if (decision.status !== 'entitled') {
      for (const record of openClocks(session)) {
        await this.operations.change(session, record, decidedAt, (clock, policy) => stopClock(clock, decidedAt, policy), {
          reason: 'entitlement_revoked',
          cancelsUnlessBreached: true,
        });
      }
      return;
    }

    const inForce = await this.operations.inForce(session);
    for (const metric of ['first_response', 'resolution'] as const) {
      const current = latestClock(session, metric);
      if (current && current.clockState !== 'stopped') {
        await this.operations.retimeToTarget(session, current, decidedAt);
      } else if (!current || current.stopReason === 'entitlement_revoked') {
        await this.operations.startOwedClock(session, metric, startedAt, inForce, current);
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
    saveTicket(session);
    for (const record of openClocks(session)) {
      await this.operations.retimeToTarget(session, record, changedAt);
    }
  }

  /** Solved, closed and rejected stop every clock; other statuses pause or resume per policy. */
  private async applyStatusChange(session: TicketSession, event: SupportEvent<TicketStatusChangedV1>): Promise<void> {
    const change = event.data;
    const changedAt = new Date(change.changedAt);
    const { ticket } = session;
    if (ticket.statusChangedAt && changedAt < ticket.statusChangedAt) return;
    Object.assign(ticket, { status: change.status, statusChangedAt: changedAt });
    saveTicket(session);

    for (const record of openClocks(session)) {
      if (FINISHED_STATUSES.has(change.status)) {
        await this.operations.change(session, record, changedAt, (clock, policy) => stopClock(clock, changedAt, policy), {
          reason: `ticket_${change.status}`,
          // solving is what a resolution clock waits for; a reply clock stopped by it was never answered
          cancelsUnlessBreached: !(record.metric === 'resolution' && change.status !== 'rejected'),
        });
      } else {
        await this.operations.change(session, record, changedAt, (clock, policy) =>
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
    saveTicket(session);
    const current = latestClock(session, 'first_response');
    if (current && current.clockState !== 'stopped') {
      await this.operations.stopOnReply(session, current, respondedAt, 'first_responded');
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
      if (current && current.clockState !== 'stopped') await this.operations.stopOnReply(session, current, at, 'agent_replied');
      return;
    }
    const awaitingReply = current !== undefined && current.clockState !== 'stopped';
    const answeredBefore = ticket.firstRespondedAt !== null && ticket.firstRespondedAt <= at;
    if (!ticket.entitled || !answeredBefore || awaitingReply || (ticket.status && FINISHED_STATUSES.has(ticket.status))) return;
    const inForce = await this.operations.inForce(session);
    const target = targetFor('next_reply', currentPriority(ticket), ticket, inForce.policy);
    if (target === null) return;
    const record = this.operations.start(session, 'next_reply', at, target, inForce, (current?.cycle ?? 0) + 1);
    await this.operations.applyKnownStatus(session, record, at);
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
    const batch = await this.batches.open(ticketIds, manager);
    for (const ticketId of [...new Set(ticketIds)].sort()) {
      const ticket = batch.tickets.get(ticketId);
      const clocks = batch.clocks.get(ticketId);
      if (!ticket?.entitled || !ticket.clocksOwedFrom || !clocks) continue;
      // the flow that started the ticket's clocks before, if any; else a new one for the repair
      const origin = { correlationId: clocks[0]?.correlationId ?? uuidv7() };
      const session: TicketSession = { batch, manager, origin, now: batch.now, ticket, clocks };
      const started = await this.operations.startMissingClocks(session, ticket.clocksOwedFrom);
      if (started.length > 0)
        batch.repaired.push({ ticketId, metrics: started, owedFrom: ticket.clocksOwedFrom, decisionId: ticket.decisionId });
    }
    await this.batches.flush(batch);
    this.reportRepairs(batch.repaired, 'found by the repair sweep');
    return batch.repaired;
  }
}
