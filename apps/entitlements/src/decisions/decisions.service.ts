import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EntitlementChecked, type SupportEvent, type TicketCreatedV1 } from '@support/contracts';
import { decideTicketEntitlement, describeDecision } from '@support/domain-entitlements';
import { OutboxWriter, type HandlerContext } from '@support/messaging';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Account, AccountUser, DecisionRecord } from '../entities';
import { PlanCatalogService } from '../plans/plan-catalog.service';

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
    const account = ticket.accountId ? await manager.findOneBy(Account, { id: ticket.accountId }) : null;
    const membership = account ? await manager.findOneBy(AccountUser, { accountId: account.id, userId: ticket.requesterId }) : null;
    const decision = decideTicketEntitlement({
      account,
      role: membership?.role ?? null,
      plans: await this.plans.load(manager),
      priority: ticket.priority,
      now: new Date(ticket.createdAt),
    });
    const record = Object.assign(new DecisionRecord(), {
      id: uuidv7(),
      ticketId: ticket.ticketId,
      accountId: ticket.accountId,
      requesterId: ticket.requesterId,
      priority: ticket.priority,
      ticketCreatedAt: new Date(ticket.createdAt),
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
      trigger: 'ticket_created',
      decidedAt: new Date(),
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
        ticketCreatedAt: ticket.createdAt,
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
        trigger: 'ticket_created',
        decidedAt: record.decidedAt.toISOString(),
      },
      context.origin,
    );
  }

  /** Every decision for a ticket, newest first. */
  history(ticketId: string): Promise<DecisionRecord[]> {
    return this.dataSource.getRepository(DecisionRecord).find({ where: { ticketId }, order: { decidedAt: 'DESC' } });
  }
}
