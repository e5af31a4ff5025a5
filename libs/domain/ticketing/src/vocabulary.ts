/**
 * The words of the ticket domain. The literals match the wire vocabulary of the events and HTTP
 * contracts (the ticketing app's tests hold them against libs/contracts); they are repeated here
 * because a domain library depends on nothing.
 */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'rejected'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const CALLER_ROLES = ['customer', 'agent', 'admin'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Who acts on a ticket, as the verified token names them. */
export interface TicketCaller {
  userId: string;
  /** the customer account: always set for a customer, optional for staff */
  accountId: string | null;
  role: CallerRole;
}
