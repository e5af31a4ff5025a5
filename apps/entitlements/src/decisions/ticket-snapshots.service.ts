import { Injectable } from '@nestjs/common';
import type { SupportEvent, TicketPriorityChangedV1, TicketStatusChangedV1 } from '@support/contracts';
import type { HandlerContext } from '@support/messaging';
import type { EntityManager } from 'typeorm';
import { TicketSnapshot } from './ticket-snapshot.entity';

/** Follows ticketing's changes to the tickets this service decided, for later re-decisions. */
@Injectable()
export class TicketSnapshotsService {
  async applyStatusChange(event: SupportEvent<TicketStatusChangedV1>, context: HandlerContext): Promise<void> {
    const change = event.data;
    const at = new Date(change.changedAt);
    const snapshot = await this.lock(context.manager, change.ticketId);
    // No snapshot: a ticket this service never decided has no decision for a plan change to revisit.
    if (!snapshot || (snapshot.statusChangedAt && snapshot.statusChangedAt > at)) return;
    await context.manager.update(TicketSnapshot, { ticketId: snapshot.ticketId }, { status: change.status, statusChangedAt: at });
  }

  async applyPriorityChange(event: SupportEvent<TicketPriorityChangedV1>, context: HandlerContext): Promise<void> {
    const change = event.data;
    const at = new Date(change.changedAt);
    const snapshot = await this.lock(context.manager, change.ticketId);
    if (!snapshot || (snapshot.priorityChangedAt && snapshot.priorityChangedAt > at)) return;
    await context.manager.update(TicketSnapshot, { ticketId: snapshot.ticketId }, { priority: change.priority, priorityChangedAt: at });
  }

  private lock(manager: EntityManager, ticketId: string): Promise<TicketSnapshot | null> {
    return manager.findOne(TicketSnapshot, { where: { ticketId }, lock: { mode: 'pessimistic_write' } });
  }
}
