import type { TicketCreatedV1 } from '@support/contracts';
import type { Ticket } from './ticket.entity';

/**
 * The `support.ticket.created.v1` payload of a ticket as it is now: at filing, and again when
 * anti-entropy re-drives it (its priority may have changed since; createdAt stays the filing's).
 */
export function ticketCreatedPayload(ticket: Ticket): TicketCreatedV1 {
  return {
    ticketId: ticket.id,
    accountId: ticket.accountId,
    requesterId: ticket.requesterId,
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    device: ticket.device,
    ccEmails: ticket.ccEmails,
    meetingId: ticket.meetingId,
    occurredAt: ticket.occurredAt?.toISOString() ?? null,
    createdAt: ticket.createdAt.toISOString(),
  };
}
