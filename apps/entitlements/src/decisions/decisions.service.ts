import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EntitlementChecked,
  type DecisionTrigger, type EventOrigin, type SupportEvent, type TicketCreatedV1,
} from '@support/contracts';
import { decideTicketEntitlement, describeDecision, type PlanDecision } from '@support/domain-entitlements';
import { OutboxWriter, type HandlerContext } from '@support/messaging';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Account, AccountUser, DecisionRecord, TicketSnapshot } from '../entities';
import { PlanCatalogService } from '../plans/plan-catalog.service';
import { FINISHED_TICKET_STATUSES, sameOutcome } from './decision-outcome';

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanCatalogService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The recorded plan check of a new ticket, decided as of the moment it was filed. */
  async decideForNewTicket(event: SupportEvent<TicketCreatedV1>, context: HandlerContext): Promise<void> {
    const ticket = event.data;
    const { manager } = context;
    // Locking the account orders this decision against a concurrent plan change: either the
    // change commits first and is seen here, or it waits and then finds this ticket to re-decide.
    const account = ticket.accountId
      ? await manager.findOne(Account, { where: { id: ticket.accountId }, lock: { mode: 'pessimistic_write' } })
      : null;
    // The same ticket announced again under another event id (a producer retry) is decided once.
    if (await manager.findOneBy(TicketSnapshot, { ticketId: ticket.ticketId })) return;

    const snapshot: TicketSnapshot = Object.assign(new TicketSnapshot(), {
      ticketId: ticket.ticketId,
      accountId: ticket.accountId,
      requesterId: ticket.requesterId,
      priority: ticket.priority,
      status: 'new',
      createdAt: new Date(ticket.createdAt),
      statusChangedAt: null,
      priorityChangedAt: null,
      currentDecisionId: null,
    } satisfies TicketSnapshot);
    const membership = account ? await manager.findOneBy(AccountUser, { accountId: account.id, userId: ticket.requesterId }) : null;
    const decision = decideTicketEntitlement({
      account,
      role: membership?.role ?? null,
      plans: await this.plans.load(manager),
      priority: ticket.priority,
      now: snapshot.createdAt,
    });
    const record = await this.record(manager, snapshot, decision, 'ticket_created', new Date(), context.origin);
    snapshot.currentDecisionId = record.id;
    await manager.insert(TicketSnapshot, snapshot);
  }

  /**
   * Re-decides the account's open tickets after its plan, status or plan end changed, inside the
   * transaction of that change, and announces each ticket whose outcome moved. `account` must be
   * locked by the caller. The decision time is the change time: an upgraded ticket's deadline
   * counts from the upgrade, not from its filing.
   */
  async redecideOpenTickets(manager: EntityManager, account: Account, at: Date, origin: EventOrigin): Promise<DecisionRecord[]> {
    // Locking reads see every committed ticket (a plain read could be an older snapshot), and
    // hold them against a status change racing this re-decision.
    const tickets = await manager.find(TicketSnapshot, {
      where: { accountId: account.id, status: Not(In([...FINISHED_TICKET_STATUSES])) },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (tickets.length === 0) return [];

    const plans = await this.plans.load(manager);
    const roles = new Map((await manager.findBy(AccountUser, { accountId: account.id })).map((user) => [user.userId, user.role]));
    const currentIds = tickets.map((ticket) => ticket.currentDecisionId).filter((id): id is string => id !== null);
    const current = new Map(
      (currentIds.length > 0 ? await manager.findBy(DecisionRecord, { id: In(currentIds) }) : []).map((d) => [d.id, d]),
    );

    const made: DecisionRecord[] = [];
    for (const ticket of tickets) {
      const decision = decideTicketEntitlement({
        account,
        role: roles.get(ticket.requesterId) ?? null,
        plans,
        priority: ticket.priority,
        now: at,
      });
      const previous = ticket.currentDecisionId ? current.get(ticket.currentDecisionId) : undefined;
      if (previous && sameOutcome(previous, decision)) continue;
      const record = await this.record(manager, ticket, decision, 'plan_changed', at, origin);
      await manager.update(TicketSnapshot, { ticketId: ticket.ticketId }, { currentDecisionId: record.id });
      made.push(record);
    }
    return made;
  }

  /** Every decision for a ticket, newest first. */
  history(ticketId: string): Promise<DecisionRecord[]> {
    // uuid v7 ids grow with time: they order two decisions taken within the same millisecond.
    return this.dataSource.getRepository(DecisionRecord).find({ where: { ticketId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  private async record(
    manager: EntityManager,
    ticket: TicketSnapshot,
    decision: PlanDecision,
    trigger: DecisionTrigger,
    decidedAt: Date,
    origin: EventOrigin,
  ): Promise<DecisionRecord> {
    const record = Object.assign(new DecisionRecord(), {
      id: uuidv7(),
      ticketId: ticket.ticketId,
      accountId: ticket.accountId,
      requesterId: ticket.requesterId,
      priority: ticket.priority,
      ticketCreatedAt: ticket.createdAt,
      status: decision.status,
      reason: decision.reason,
      message: describeDecision(decision),
      plan: decision.plan,
      planVersion: decision.planVersion,
      role: decision.role,
      channels: decision.channels,
      slaTarget: decision.slaTarget,
      slaTargets: decision.slaTargets,
      servicePriority: decision.servicePriority,
      trigger,
      decidedAt,
    } satisfies DecisionRecord);
    await manager.insert(DecisionRecord, record);
    await this.outbox.add(
      manager,
      EntitlementChecked,
      {
        decisionId: record.id,
        ticketId: record.ticketId,
        accountId: record.accountId,
        requesterId: record.requesterId,
        priority: record.priority,
        ticketCreatedAt: record.ticketCreatedAt.toISOString(),
        status: decision.status,
        reason: decision.reason,
        message: record.message,
        plan: record.plan,
        planVersion: record.planVersion,
        role: record.role,
        channels: record.channels,
        slaTarget: record.slaTarget,
        slaTargets: record.slaTargets,
        servicePriority: record.servicePriority,
        trigger,
        decidedAt: decidedAt.toISOString(),
      },
      origin,
    );
    return record;
  }
}
