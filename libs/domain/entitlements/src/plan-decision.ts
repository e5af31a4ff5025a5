import type { RoleChannels } from './plan-definition';
import { describeSlaDuration } from './sla-duration';
import { assessStanding, targetsOf, type DecisionReason, type EntitlementStatus, type StandingInput } from './support-standing';
import { PLAN_NAMES, type AccountRole, type PlanCode, type TicketPriority } from './vocabulary';

export interface TicketEntitlementInput extends StandingInput {
  priority: TicketPriority;
}

/** The entitlement of one ticket, recorded with the plan version it was decided under. */
export interface PlanDecision {
  status: EntitlementStatus;
  reason: DecisionReason;
  /** The plan in force when deciding: the free plan once a paid plan has ended. */
  plan: PlanCode | null;
  planVersion: number | null;
  role: AccountRole | null;
  channels: RoleChannels;
  /** The first-response target for the ticket's priority, when entitled. */
  slaTarget: string | null;
  /** Every priority's target, so that a later priority change can be re-timed without asking again. */
  slaTargets: Record<TicketPriority, string> | null;
  servicePriority: number;
}

/**
 * Decides whether a ticket is covered by a deadline, accepted without one, or refused.
 * An unknown account or user never throws: they get the public self-service channels. Only a
 * catalogue that cannot supply a usable plan throws a PlanConfigurationError.
 */
export function decideTicketEntitlement(input: TicketEntitlementInput): PlanDecision {
  const standing = assessStanding(input);
  const slaTargets = targetsOf(standing);
  return {
    status: standing.status,
    reason: standing.reason,
    plan: standing.plan?.code ?? null,
    planVersion: standing.plan?.version ?? null,
    role: standing.role,
    channels: standing.channels,
    slaTarget: slaTargets ? slaTargets[input.priority] : null,
    slaTargets,
    // A refused ticket joins no queue, so it has no claim to be served first.
    servicePriority: standing.status === 'denied' || !standing.plan ? 0 : standing.plan.servicePriority,
  };
}

const SEARCH_HELP_CENTER = 'search the help center';

function planName(code: PlanCode | null): string {
  return code ? PLAN_NAMES[code] : 'current';
}

function otherChannels(channels: RoleChannels): string {
  const open = [channels.chat ? 'web chat (the Help button in the web portal)' : null, channels.phone ? 'the phone hotlines' : null].filter(
    (channel): channel is string => channel !== null,
  );
  return open.length > 0 ? ` ${capitalize(open.join(' and '))} ${open.length > 1 ? 'are' : 'is'} also open.` : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The decision in one or two English sentences for the requester, always pointing at self-service. */
export function describeDecision(decision: PlanDecision): string {
  const plan = planName(decision.plan);
  switch (decision.reason) {
    case 'entitled': {
      const within = decision.slaTarget ? `a first response within ${describeSlaDuration(decision.slaTarget)}` : 'committed response times';
      return `The ${plan} plan includes support tickets with ${within}; self-service help stays open: ${SEARCH_HELP_CENTER}.${otherChannels(decision.channels)}`;
    }
    case 'best_effort':
      return `Your ticket will be answered as soon as possible, with no committed response time; meanwhile self-service help is open: ${SEARCH_HELP_CENTER}.`;
    case 'free_plan':
      return `Free plans include self-service help only: ${SEARCH_HELP_CENTER}.`;
    case 'end_user':
      return `On the ${plan} plan, support tickets are filed by the account's owner or administrators; end users have self-service help: ${SEARCH_HELP_CENTER}.`;
    case 'plan_expired_free':
      return `The account's paid plan has ended and it is now on the Free plan, which includes self-service help only: ${SEARCH_HELP_CENTER}.`;
    case 'ticket_not_in_plan':
      return `The ${plan} plan does not include support tickets for this role; self-service help is open: ${SEARCH_HELP_CENTER}.`;
    case 'unknown_account':
      return `No customer account is known for this request, so only self-service help is available: ${SEARCH_HELP_CENTER}.`;
    case 'suspended_account':
      return `The account is suspended, so support requests are not accepted; self-service help is still open: ${SEARCH_HELP_CENTER}.`;
  }
}
