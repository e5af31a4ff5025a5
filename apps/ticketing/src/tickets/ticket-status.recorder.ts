import { Injectable } from '@nestjs/common';
import { TicketStatusChanged, type EventOrigin, type TicketStatus } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import type { EntityManager } from 'typeorm';
import { decideTransition, type TransitionActor, type TransitionVerdict } from '@support/domain-ticketing';
import { insertRows } from '@support/persistence';
import type { Ticket } from './ticket.entity';
import { TicketStatusChange } from './ticket-status-change.entity';
import { illegalTransition } from './tickets.errors';

export interface StatusChangeRequest {
  to: TicketStatus;
  actor: TransitionActor;
  /** the user id, or system:<what> when no person decided */
  changedBy: string;
  reason: string | null;
  origin: EventOrigin;
  at: Date;
}

/**
 * The one way a ticket's status changes: the lifecycle decides, and the history entry and the
 * status_changed event are written in the caller's transaction. The caller saves the ticket.
 */
@Injectable()
export class TicketStatusRecorder {
  constructor(private readonly outbox: OutboxWriter) {}

  verdict(ticket: Ticket, to: TicketStatus, actor: TransitionActor, at: Date): TransitionVerdict {
    return decideTransition(ticket.status, to, actor, { solvedAt: ticket.solvedAt, now: at });
  }

  /** Changes the status or refuses with illegal_transition (409), naming the allowed targets. */
  async change(manager: EntityManager, ticket: Ticket, request: StatusChangeRequest): Promise<void> {
    const verdict = this.verdict(ticket, request.to, request.actor, request.at);
    if (!verdict.allowed) {
      const details = verdict.refusal === 'reopen_window_passed' && ticket.solvedAt ? { solvedAt: ticket.solvedAt.toISOString() } : {};
      throw illegalTransition(ticket.status, request.to, verdict.refusal, verdict.allowedTargets, details);
    }
    await this.apply(manager, ticket, request);
  }

  /** Changes the status when the lifecycle allows it, else leaves the ticket as it is. */
  async changeIfAllowed(manager: EntityManager, ticket: Ticket, request: StatusChangeRequest): Promise<boolean> {
    if (!this.verdict(ticket, request.to, request.actor, request.at).allowed) return false;
    await this.apply(manager, ticket, request);
    return true;
  }

  /** The first history entry of each new ticket, written when they are filed (one insert for all). */
  async recordFilings(manager: EntityManager, tickets: Ticket[]): Promise<TicketStatusChange[]> {
    const entries = tickets.map(filingEntry);
    await insertRows(manager, TicketStatusChange, entries);
    return entries;
  }

  private async apply(manager: EntityManager, ticket: Ticket, request: StatusChangeRequest): Promise<void> {
    const previousStatus = ticket.status;
    ticket.status = request.to;
    ticket.statusReason = request.reason;
    // the reopen window runs from the last solve; closing keeps it for the record, anything else ends it
    if (request.to === 'solved') ticket.solvedAt = request.at;
    else if (request.to !== 'closed') ticket.solvedAt = null;
    ticket.updatedAt = request.at;
    await manager.insert(TicketStatusChange, {
      ticketId: ticket.id,
      previousStatus,
      status: request.to,
      reason: request.reason,
      changedBy: request.changedBy,
      changedAt: request.at,
    });
    await this.outbox.add(
      manager,
      TicketStatusChanged,
      {
        ticketId: ticket.id,
        accountId: ticket.accountId,
        previousStatus,
        status: request.to,
        reason: request.reason,
        changedBy: request.changedBy,
        changedAt: request.at.toISOString(),
      },
      request.origin,
    );
  }
}

/** A new ticket's first history entry (module-level: see CONTRIBUTING.md, "Hot paths"). */
function filingEntry(ticket: Ticket): TicketStatusChange {
  return Object.assign(new TicketStatusChange(), {
    ticketId: ticket.id,
    previousStatus: null,
    status: ticket.status,
    reason: null,
    changedBy: ticket.requesterId,
    changedAt: ticket.createdAt,
  });
}
