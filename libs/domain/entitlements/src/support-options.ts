import type { HotlineNumber } from './hotline-directory';
import type { RoleChannels } from './plan-definition';
import { assessStanding, targetsOf, type DecisionReason, type StandingInput } from './support-standing';
import type { AccountRole, PlanCode, TicketPriority } from './vocabulary';

export interface SupportOptionsInput extends StandingInput {
  /** The published directory; only handed out to those whose plan opens the phone channel. */
  hotlines: readonly HotlineNumber[];
}

/** What the "contact support" page shows one user of one account. */
export interface SupportOptions {
  /** The plan the account is subscribed to. */
  plan: PlanCode | null;
  /** The plan in force: the free plan once a paid plan has ended. */
  effectivePlan: PlanCode | null;
  role: AccountRole | null;
  channels: RoleChannels;
  /** Empty unless the phone channel is open. */
  hotlines: HotlineNumber[];
  /** Null unless tickets carry SLA deadlines. */
  slaTargets: Record<TicketPriority, string> | null;
  expired: boolean;
  /** Why a ticket filed now would be entitled, best effort or refused. */
  reason: DecisionReason;
}

export function supportOptions(input: SupportOptionsInput): SupportOptions {
  const standing = assessStanding(input);
  return {
    plan: standing.accountPlan,
    effectivePlan: standing.plan?.code ?? null,
    role: standing.role,
    channels: standing.channels,
    hotlines: standing.channels.phone ? input.hotlines.map((hotline) => ({ ...hotline })) : [],
    slaTargets: targetsOf(standing),
    expired: standing.expired,
    reason: standing.reason,
  };
}
