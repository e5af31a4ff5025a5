import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EntitlementChecked,
  type DecisionTrigger,
  type EntitlementCheckedV1,
  type EventOrigin,
  type SupportEvent,
  type TicketCreatedV1,
} from '@support/contracts';
import { decideTicketEntitlement, describeDecision, type PlanDecision } from '@support/domain-entitlements';
import { originOf, OutboxWriter, pending, type BatchContext, type PendingEvent } from '@support/messaging';
import { insertRows } from '@support/persistence';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Account, AccountUser } from '../accounts/account.entity';
import type { PlanChangePort } from '../accounts/plan-change.port';
import { DecisionRecord } from './decision.entity';
import { TicketSnapshot } from './ticket-snapshot.entity';
import { PlanCatalogService } from '../plans/plan-catalog.service';
import { EntitlementsConsistencyCounters } from './consistency-counters';
import { FINISHED_TICKET_STATUSES, sameOutcome } from './decision-outcome';

@Injectable()
export class DecisionsService implements PlanChangePort {
  private readonly logger = new Logger('DecisionsService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanCatalogService,
    private readonly outbox: OutboxWriter,
    private readonly counters: EntitlementsConsistencyCounters,
  ) {}

  /**
   * The recorded plan checks of new tickets, each decided as of the moment it was filed, for a
   * run of ticket.created events at once: one read each for accounts, earlier snapshots, roles
   * and plans, then one multi-row insert each for decisions and snapshots (their events go to
   * the outbox with the batch).
   *
   * A ticket decided before is never decided again here: the event is ticketing's anti-entropy
   * re-drive (a new event id for the same ticket, sent because the ticket still shows no
   * decision or no clock), or a duplicate. It is answered with the ticket's current recorded
   * decision, unchanged (same decisionId and decidedAt), so a decision event that was lost on
   * the way is delivered again, and consumers that did get it recognise it as the same one.
   */
  async decideForNewTickets(events: SupportEvent<TicketCreatedV1>[], context: BatchContext): Promise<void> {
    const { manager } = context;
    // loops, not closures made per batch (CONTRIBUTING.md, "Hot paths")
    const ticketIdSet = new Set<string>();
    const accountIdSet = new Set<string>();
    const requesterIds: string[] = [];
    for (const { data } of events) {
      ticketIdSet.add(data.ticketId);
      if (data.accountId !== null) accountIdSet.add(data.accountId);
      requesterIds.push(data.requesterId);
    }
    const ticketIds = [...ticketIdSet];
    const accountIds = [...accountIdSet];
    // A shared lock on each account orders these decisions against a concurrent plan change
    // (which takes it exclusively): either the change committed first and is seen here, or it
    // waits and then finds these tickets to re-decide. Decisions do not wait for each other.
    // (LOCK IN SHARE MODE is what both MySQL 8 and MariaDB accept; TypeORM would write FOR SHARE)
    if (accountIds.length > 0) await manager.query('SELECT id FROM account WHERE id IN (?) ORDER BY id LOCK IN SHARE MODE', [accountIds]);
    const accounts = new Map<string, Account>();
    if (accountIds.length > 0)
      for (const account of await manager.findBy(Account, { id: In(accountIds) })) accounts.set(account.id, account);
    // The same ticket announced again under another event id is decided once.
    const earlier = await manager.find(TicketSnapshot, {
      select: { ticketId: true, currentDecisionId: true },
      where: { ticketId: In(ticketIds) },
    });
    const decidedBefore = new Set<string>();
    for (const snapshot of earlier) decidedBefore.add(snapshot.ticketId);
    const decided = new Set(decidedBefore);
    const roles = new Map<string, AccountUser['role']>();
    if (accounts.size > 0) {
      for (const user of await manager.findBy(AccountUser, { accountId: In([...accounts.keys()]), userId: In(requesterIds) })) {
        roles.set(`${user.accountId}\u0000${user.userId}`, user.role);
      }
    }
    const plans = await this.plans.load(manager);

    const snapshots: TicketSnapshot[] = [];
    const records: DecisionRecord[] = [];
    const announcements: PendingEvent[] = [];
    const repeats = new Map<string, SupportEvent<TicketCreatedV1>>();
    for (const event of events) {
      const ticket = event.data;
      if (decided.has(ticket.ticketId)) {
        if (decidedBefore.has(ticket.ticketId) && !repeats.has(ticket.ticketId)) repeats.set(ticket.ticketId, event);
        continue;
      }
      decided.add(ticket.ticketId);
      const account = ticket.accountId ? (accounts.get(ticket.accountId) ?? null) : null;
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
      const decision = decideTicketEntitlement({
        account,
        role: account ? (roles.get(`${account.id}\u0000${ticket.requesterId}`) ?? null) : null,
        plans,
        priority: ticket.priority,
        now: snapshot.createdAt,
      });
      const record = decisionRecord(snapshot, decision, 'ticket_created', new Date());
      snapshot.currentDecisionId = record.id;
      snapshots.push(snapshot);
      records.push(record);
      announcements.push(pending(EntitlementChecked, checkedEvent(record), originOf(event)));
    }
    announcements.push(...(await this.reannounce(manager, earlier, repeats)));
    if (records.length > 0) {
      await insertRows(manager, DecisionRecord, records);
      await insertRows(manager, TicketSnapshot, snapshots);
    }
    await this.outbox.addMany(manager, announcements);
  }

  /** The current recorded decision of each ticket announced again, as it was first announced. */
  private async reannounce(
    manager: EntityManager,
    snapshots: Pick<TicketSnapshot, 'ticketId' | 'currentDecisionId'>[],
    repeats: Map<string, SupportEvent<TicketCreatedV1>>,
  ): Promise<PendingEvent[]> {
    const decisionIds = snapshots
      .filter((s) => repeats.has(s.ticketId) && s.currentDecisionId !== null)
      .map((s) => s.currentDecisionId as string);
    if (decisionIds.length === 0) return [];
    const records = await manager.findBy(DecisionRecord, { id: In(decisionIds) });
    return records.map((record) => {
      const event = repeats.get(record.ticketId) as SupportEvent<TicketCreatedV1>;
      this.counters.increment('decisionsReemitted');
      this.logger.warn(
        `anti-entropy: ticket ${record.ticketId} was announced again (event ${event.id}); it was decided before ` +
          `(${record.status}, ${record.trigger}, ${record.decidedAt.toISOString()}): re-emitting decision ${record.id} instead of deciding again`,
      );
      return pending(EntitlementChecked, checkedEvent(record), originOf(event));
    });
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
    const record = decisionRecord(ticket, decision, trigger, decidedAt);
    await manager.insert(DecisionRecord, record);
    await this.outbox.add(manager, EntitlementChecked, checkedEvent(record), origin);
    return record;
  }
}

function decisionRecord(ticket: TicketSnapshot, decision: PlanDecision, trigger: DecisionTrigger, decidedAt: Date): DecisionRecord {
  return Object.assign(new DecisionRecord(), {
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
}

function checkedEvent(record: DecisionRecord): EntitlementCheckedV1 {
  return {
    decisionId: record.id,
    ticketId: record.ticketId,
    accountId: record.accountId,
    requesterId: record.requesterId,
    priority: record.priority,
    ticketCreatedAt: record.ticketCreatedAt.toISOString(),
    status: record.status,
    reason: record.reason,
    message: record.message,
    plan: record.plan,
    planVersion: record.planVersion,
    role: record.role,
    channels: record.channels,
    slaTarget: record.slaTarget,
    slaTargets: record.slaTargets,
    servicePriority: record.servicePriority,
    trigger: record.trigger,
    decidedAt: record.decidedAt.toISOString(),
  };
}
