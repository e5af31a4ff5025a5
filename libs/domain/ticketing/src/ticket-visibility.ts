import type { TicketCaller, TicketStatus } from './vocabulary';

/** Whose ticket it is: the account it was filed in and the user who filed it. */
export interface TicketOwnership {
  requesterId: string;
  accountId: string | null;
}

/** Agents and admins work on every ticket; customers only on their own. */
export function isStaff(caller: Pick<TicketCaller, 'role'>): boolean {
  return caller.role === 'agent' || caller.role === 'admin';
}

/**
 * Agents and admins see every ticket; a customer only the tickets they filed in the account
 * they act for (the same user id in another account is another customer).
 */
export function canSee(ticket: TicketOwnership, caller: TicketCaller): boolean {
  if (isStaff(caller)) return true;
  return caller.accountId !== null && ticket.accountId === caller.accountId && ticket.requesterId === caller.userId;
}

/** Staff acting on a ticket someone else filed; staff on their own ticket act as its requester. */
export function actsAsStaff(ticket: Pick<TicketOwnership, 'requesterId'>, caller: TicketCaller): boolean {
  return isStaff(caller) && ticket.requesterId !== caller.userId;
}

/** The widest ids a ticket records of its requester and account. */
export const MAX_USER_ID = 128;
export const MAX_ACCOUNT_ID = 64;

/**
 * Why the caller's ids cannot be recorded on a ticket, one problem per token claim; empty when
 * they can. An identity provider issuing longer ids than a ticket holds gets a clear refusal.
 */
export function unrecordableClaims(caller: TicketCaller): string[] {
  const problems: string[] = [];
  if (caller.userId.length > MAX_USER_ID) problems.push(`"sub" is longer than ${MAX_USER_ID} characters`);
  if ((caller.accountId?.length ?? 0) > MAX_ACCOUNT_ID) problems.push(`"account_id" is longer than ${MAX_ACCOUNT_ID} characters`);
  return problems;
}

/** Why a ticket takes no more work from a caller. */
export type WorkRefusal = 'closed' | 'rejected';

/**
 * Whether a ticket takes a comment or a file from this caller: closed is final for everyone; a
 * ticket the plan check rejected takes nothing more from its requester (staff may still work on
 * it, and open it). Null when it takes the work.
 */
export function workRefusal(status: TicketStatus, caller: Pick<TicketCaller, 'role'>): WorkRefusal | null {
  if (status === 'closed') return 'closed';
  if (status === 'rejected' && !isStaff(caller)) return 'rejected';
  return null;
}
