import { unrecordableClaims } from '@support/domain-ticketing';
import { ApiError, isStaff, type Principal } from '@support/platform';

/**
 * Ids from the token are stored with what the caller writes; an identity provider issuing longer
 * ones than a ticket holds gets a clear refusal instead of a database error.
 */
export function assertStorableCaller(caller: Principal): void {
  // the token verifier already refuses such tokens; a customer's ticket is never stored without its account
  if (!isStaff(caller) && !caller.accountId) throw ApiError.unauthenticated('a customer token must carry the "account_id" claim');
  const problems = unrecordableClaims(caller);
  if (problems.length > 0) throw ApiError.forbidden(`token claim ${problems.join(' and ')}; ticketing cannot record this caller`);
}
