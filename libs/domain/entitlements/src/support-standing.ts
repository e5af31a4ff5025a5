import { PlanConfigurationError, SELF_SERVICE_ONLY, type PlanDefinition, type RoleChannels } from './plan-definition';
import { isAccountRole, isTicketChannel, type AccountRole, type AccountStatus, type PlanCode, type TicketPriority } from './vocabulary';

/** The account as the entitlement rules see it. */
export interface CustomerAccount {
  id: string;
  plan: PlanCode;
  status: AccountStatus;
  /** When the current paid plan stops; null for plans without an end. */
  planEndsAt: Date | null;
}

/** Where plan definitions come from: a loaded catalogue, or a lookup over the stored ones. */
export type PlanCatalog = ReadonlyMap<PlanCode, PlanDefinition> | ((code: PlanCode) => PlanDefinition);

export type EntitlementStatus = 'entitled' | 'best_effort' | 'denied';

/**
 * Why a ticket was (or was not) accepted:
 * - 'entitled': the role's plan commits to SLA deadlines;
 * - 'best_effort': the ticket is accepted without a deadline;
 * - 'free_plan': the plan is unpaid and offers self-service only;
 * - 'end_user': a member of a paid account, whose tickets go through its owner or admins;
 * - 'plan_expired_free': the paid plan has ended, and the free plan it fell back to offers
 *   self-service only;
 * - 'ticket_not_in_plan': a paid plan configured without tickets for an owner or admin;
 * - 'unknown_account': the requester belongs to no known account;
 * - 'suspended_account': the account exists but is suspended.
 */
export const DECISION_REASONS = [
  'entitled',
  'best_effort',
  'free_plan',
  'end_user',
  'plan_expired_free',
  'ticket_not_in_plan',
  'unknown_account',
  'suspended_account',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface StandingInput {
  account: CustomerAccount | null;
  /** null: the user is not known to the account, and is treated as an end user. */
  role: AccountRole | null;
  plans: PlanCatalog;
  now: Date;
}

/** What one user of one account may use right now, before any particular ticket. */
export interface SupportStanding {
  status: EntitlementStatus;
  reason: DecisionReason;
  accountPlan: PlanCode | null;
  /** The plan in force: the free plan once a paid plan has ended. */
  plan: PlanDefinition | null;
  role: AccountRole | null;
  channels: RoleChannels;
  expired: boolean;
}

function lookupPlan(plans: PlanCatalog, code: PlanCode): PlanDefinition {
  const plan = typeof plans === 'function' ? plans(code) : plans.get(code);
  if (!plan) throw new PlanConfigurationError(code, `no definition for plan '${code}'`);
  if (plan.code !== code) {
    throw new PlanConfigurationError(code, `the definition looked up for plan '${code}' is for plan '${plan.code}'`);
  }
  return plan;
}

function channelsOf(plan: PlanDefinition, role: AccountRole): RoleChannels {
  const channels = plan.roles?.[role];
  // Definitions come back from storage; a corrupt one must fail loudly, not decide silently.
  if (!channels || !isTicketChannel(channels.ticket)) {
    throw new PlanConfigurationError(plan.code, `plan '${plan.code}' v${plan.version} has no usable channels for role '${role}'`);
  }
  if (channels.ticket === 'sla' && plan.slaTargets === null) {
    throw new PlanConfigurationError(plan.code, `plan '${plan.code}' v${plan.version} gives '${role}' SLA tickets but has no slaTargets`);
  }
  return { ...channels };
}

function hasEnded(account: CustomerAccount, now: Date): boolean {
  // Only a paid plan can lapse into the free one; a free account with a stale end date is not "expired".
  return account.plan !== 'free' && account.planEndsAt !== null && account.planEndsAt.getTime() <= now.getTime();
}

export function assessStanding({ account, role, plans, now }: StandingInput): SupportStanding {
  if (!account) {
    return {
      status: 'denied',
      reason: 'unknown_account',
      accountPlan: null,
      plan: null,
      role: null,
      channels: { ...SELF_SERVICE_ONLY },
      expired: false,
    };
  }

  // Membership is data the entitlements service keeps; a user it has not heard of yet is an end user.
  const effectiveRole: AccountRole = isAccountRole(role) ? role : 'member';
  const expired = hasEnded(account, now);
  const plan = lookupPlan(plans, expired ? 'free' : account.plan);
  const base = { accountPlan: account.plan, plan, role: effectiveRole, expired };

  if (account.status !== 'active') {
    return { ...base, status: 'denied', reason: 'suspended_account', channels: { ...SELF_SERVICE_ONLY } };
  }

  const channels = channelsOf(plan, effectiveRole);
  switch (channels.ticket) {
    case 'sla':
      return { ...base, status: 'entitled', reason: 'entitled', channels };
    case 'best_effort':
      return { ...base, status: 'best_effort', reason: 'best_effort', channels };
    case 'none':
      return { ...base, status: 'denied', reason: denialReason(plan, effectiveRole, expired), channels };
  }
}

function denialReason(plan: PlanDefinition, role: AccountRole, expired: boolean): DecisionReason {
  if (expired) return 'plan_expired_free';
  if (!plan.paid) return 'free_plan';
  if (role === 'member') return 'end_user';
  return 'ticket_not_in_plan';
}

export function targetsOf(standing: SupportStanding): Record<TicketPriority, string> | null {
  return standing.status === 'entitled' && standing.plan?.slaTargets ? { ...standing.plan.slaTargets } : null;
}
