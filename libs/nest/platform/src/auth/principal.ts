export const CALLER_ROLES = ['customer', 'agent', 'admin'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Who is calling, from the verified token's claims (contracts.md, Authentication). */
export interface Principal {
  userId: string;
  /** the customer account: always set for customers (a token without it is refused), optional for staff */
  accountId: string | null;
  role: CallerRole;
}

export function isStaff(principal: Principal): boolean {
  return principal.role === 'agent' || principal.role === 'admin';
}

/**
 * A customer is identified by (account, user) everywhere: a record is theirs only when both
 * match, so the same user id issued in another account reaches nothing of this one.
 */
export function isOwnedBy(
  owner: { accountId: string | null | undefined; userId: string | null | undefined },
  principal: Principal,
): boolean {
  return principal.accountId !== null && owner.accountId === principal.accountId && owner.userId === principal.userId;
}
