export const CALLER_ROLES = ['customer', 'agent', 'admin'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Who is calling, from the verified token's claims (contracts.md, Authentication). */
export interface Principal {
  userId: string;
  /** the customer account, for customers */
  accountId: string | null;
  role: CallerRole;
}

export function isStaff(principal: Principal): boolean {
  return principal.role === 'agent' || principal.role === 'admin';
}
