/** Values shared by several services' events. Kept as literals: they are on the wire. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_DEVICES = ['desktop', 'mobile', 'na', 'telephone', 'web'] as const;
export type TicketDevice = (typeof TICKET_DEVICES)[number];

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'rejected'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ENTITLEMENT_STATUSES = ['entitled', 'best_effort', 'denied'] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

export const PLAN_CODES = ['free', 'pro', 'business', 'education', 'enterprise', 'api'] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

export const ACCOUNT_ROLES = ['owner', 'admin', 'member'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const TICKET_CHANNELS = ['sla', 'best_effort', 'none'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const SLA_METRICS = ['first_response', 'next_reply', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Who set a clock's target (docs/adr/0003): the customer's plan (first response) or the SLA policy. */
export const SLA_TARGET_SOURCES = ['plan', 'policy'] as const;
export type SlaTargetSource = (typeof SLA_TARGET_SOURCES)[number];
