/**
 * The words of the entitlement domain. The literals match the wire vocabulary of the events
 * and HTTP contracts; they are repeated here because a domain library depends on nothing.
 */
export const PLAN_CODES = ['free', 'pro', 'business', 'education', 'enterprise', 'api'] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

export const ACCOUNT_ROLES = ['owner', 'admin', 'member'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['sla', 'best_effort', 'none'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const ACCOUNT_STATUSES = ['active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** How each plan is called in sentences shown to customers. */
export const PLAN_NAMES: Readonly<Record<PlanCode, string>> = {
  free: 'Free',
  pro: 'Pro',
  business: 'Business',
  education: 'Education',
  enterprise: 'Enterprise',
  api: 'API partner',
};

export function isPlanCode(value: unknown): value is PlanCode {
  return (PLAN_CODES as readonly unknown[]).includes(value);
}

export function isAccountRole(value: unknown): value is AccountRole {
  return (ACCOUNT_ROLES as readonly unknown[]).includes(value);
}

export function isTicketPriority(value: unknown): value is TicketPriority {
  return (TICKET_PRIORITIES as readonly unknown[]).includes(value);
}

export function isTicketChannel(value: unknown): value is TicketChannel {
  return (TICKET_CHANNELS as readonly unknown[]).includes(value);
}
