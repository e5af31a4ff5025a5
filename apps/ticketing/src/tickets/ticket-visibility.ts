import { ApiError, isOwnedBy, isStaff, type Principal } from '@support/platform';
import type { Ticket } from './ticket.entity';

/**
 * Agents and admins see every ticket; a customer only the tickets they filed in the account
 * they act for (the same user id in another account is another customer).
 */
export function canSee(ticket: Pick<Ticket, 'requesterId' | 'accountId'>, caller: Principal): boolean {
  return isStaff(caller) || isOwnedBy({ accountId: ticket.accountId, userId: ticket.requesterId }, caller);
}

/** Staff acting on a ticket someone else filed; staff on their own ticket act as its requester. */
export function actsAsStaff(ticket: Pick<Ticket, 'requesterId'>, caller: Principal): boolean {
  return isStaff(caller) && ticket.requesterId !== caller.userId;
}

const MAX_USER_ID = 128;
const MAX_ACCOUNT_ID = 64;

/**
 * Ids from the token are stored with what the caller writes; an identity provider issuing longer
 * ones than the columns hold gets a clear refusal instead of a database error.
 */
export function assertStorableCaller(caller: Principal): void {
  // the token verifier already refuses such tokens; a customer's ticket is never stored without its account
  if (!isStaff(caller) && !caller.accountId) throw new ApiError(401, 'unauthenticated', 'a customer token must carry the "account_id" claim');
  const problems = [
    caller.userId.length > MAX_USER_ID ? `"sub" is longer than ${MAX_USER_ID} characters` : null,
    (caller.accountId?.length ?? 0) > MAX_ACCOUNT_ID ? `"account_id" is longer than ${MAX_ACCOUNT_ID} characters` : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw ApiError.forbidden(`token claim ${problems.join(' and ')}; ticketing cannot record this caller`);
}
