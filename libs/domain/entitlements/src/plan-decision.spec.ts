import {
  PlanConfigurationError,
  SELF_SERVICE_ONLY,
  TICKET_PRIORITIES,
  decideTicketEntitlement,
  defaultPlans,
  describeDecision,
  type AccountRole,
  type AccountStatus,
  type CustomerAccount,
  type DecisionReason,
  type PlanCode,
  type PlanDecision,
  type PlanDefinition,
  type TicketChannel,
  type TicketPolicyMode,
} from './index';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const ENDED = new Date('2026-11-01T00:00:00.000Z');
const RUNNING = new Date('2027-01-01T00:00:00.000Z');
const STANDARD_TARGETS = { low: 'PT24H', normal: 'PT24H', high: 'PT4H', urgent: 'PT1H' };

function catalog(mode: TicketPolicyMode): ReadonlyMap<PlanCode, PlanDefinition> {
  return new Map(defaultPlans(mode).map((plan) => [plan.code, plan]));
}

function account(plan: PlanCode, overrides: Partial<CustomerAccount> = {}): CustomerAccount {
  return { id: 'acct-1', plan, status: 'active', planEndsAt: null, ...overrides };
}

type MatrixRow = [
  mode: TicketPolicyMode,
  plan: PlanCode,
  role: AccountRole,
  accountStatus: AccountStatus,
  planEnded: boolean,
  status: PlanDecision['status'],
  reason: DecisionReason,
  effectivePlan: PlanCode,
  ticket: TicketChannel,
  chat: boolean,
  phone: boolean,
];

// Every combination, written out from the table in domain.md so each row can be checked by eye.
const MATRIX: MatrixRow[] = [
  ['paid_admins_only', 'free', 'owner', 'active', false, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'owner', 'active', true, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'owner', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'admin', 'active', false, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'admin', 'active', true, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'admin', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'member', 'active', false, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'member', 'active', true, 'denied', 'free_plan', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'member', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'free', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'owner', 'active', false, 'entitled', 'entitled', 'pro', 'sla', true, false],
  ['paid_admins_only', 'pro', 'owner', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'owner', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['paid_admins_only', 'pro', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'admin', 'active', false, 'entitled', 'entitled', 'pro', 'sla', true, false],
  ['paid_admins_only', 'pro', 'admin', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'admin', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['paid_admins_only', 'pro', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'member', 'active', false, 'denied', 'end_user', 'pro', 'none', false, false],
  ['paid_admins_only', 'pro', 'member', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'pro', 'member', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['paid_admins_only', 'pro', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'owner', 'active', false, 'entitled', 'entitled', 'business', 'sla', true, true],
  ['paid_admins_only', 'business', 'owner', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'owner', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['paid_admins_only', 'business', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'admin', 'active', false, 'entitled', 'entitled', 'business', 'sla', true, true],
  ['paid_admins_only', 'business', 'admin', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'admin', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['paid_admins_only', 'business', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'member', 'active', false, 'denied', 'end_user', 'business', 'none', false, false],
  ['paid_admins_only', 'business', 'member', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'business', 'member', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['paid_admins_only', 'business', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'owner', 'active', false, 'entitled', 'entitled', 'education', 'sla', true, true],
  ['paid_admins_only', 'education', 'owner', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'owner', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['paid_admins_only', 'education', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'admin', 'active', false, 'entitled', 'entitled', 'education', 'sla', true, true],
  ['paid_admins_only', 'education', 'admin', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'admin', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['paid_admins_only', 'education', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'member', 'active', false, 'denied', 'end_user', 'education', 'none', false, false],
  ['paid_admins_only', 'education', 'member', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'education', 'member', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['paid_admins_only', 'education', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'owner', 'active', false, 'entitled', 'entitled', 'enterprise', 'sla', true, true],
  ['paid_admins_only', 'enterprise', 'owner', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'owner', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'admin', 'active', false, 'entitled', 'entitled', 'enterprise', 'sla', true, true],
  ['paid_admins_only', 'enterprise', 'admin', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'admin', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'member', 'active', false, 'denied', 'end_user', 'enterprise', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'member', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'member', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['paid_admins_only', 'enterprise', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'owner', 'active', false, 'entitled', 'entitled', 'api', 'sla', true, true],
  ['paid_admins_only', 'api', 'owner', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'owner', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['paid_admins_only', 'api', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'admin', 'active', false, 'entitled', 'entitled', 'api', 'sla', true, true],
  ['paid_admins_only', 'api', 'admin', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'admin', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['paid_admins_only', 'api', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'member', 'active', false, 'denied', 'end_user', 'api', 'none', false, false],
  ['paid_admins_only', 'api', 'member', 'active', true, 'denied', 'plan_expired_free', 'free', 'none', false, false],
  ['paid_admins_only', 'api', 'member', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['paid_admins_only', 'api', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'owner', 'active', false, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'owner', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'admin', 'active', false, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'admin', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'member', 'active', false, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'free', 'member', 'suspended', false, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'free', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'pro', 'owner', 'active', false, 'entitled', 'entitled', 'pro', 'sla', true, false],
  ['all_registered', 'pro', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'pro', 'owner', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['all_registered', 'pro', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'pro', 'admin', 'active', false, 'entitled', 'entitled', 'pro', 'sla', true, false],
  ['all_registered', 'pro', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'pro', 'admin', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['all_registered', 'pro', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'pro', 'member', 'active', false, 'best_effort', 'best_effort', 'pro', 'best_effort', false, false],
  ['all_registered', 'pro', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'pro', 'member', 'suspended', false, 'denied', 'suspended_account', 'pro', 'none', false, false],
  ['all_registered', 'pro', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'business', 'owner', 'active', false, 'entitled', 'entitled', 'business', 'sla', true, true],
  ['all_registered', 'business', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'business', 'owner', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['all_registered', 'business', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'business', 'admin', 'active', false, 'entitled', 'entitled', 'business', 'sla', true, true],
  ['all_registered', 'business', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'business', 'admin', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['all_registered', 'business', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'business', 'member', 'active', false, 'best_effort', 'best_effort', 'business', 'best_effort', false, false],
  ['all_registered', 'business', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'business', 'member', 'suspended', false, 'denied', 'suspended_account', 'business', 'none', false, false],
  ['all_registered', 'business', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'education', 'owner', 'active', false, 'entitled', 'entitled', 'education', 'sla', true, true],
  ['all_registered', 'education', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'education', 'owner', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['all_registered', 'education', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'education', 'admin', 'active', false, 'entitled', 'entitled', 'education', 'sla', true, true],
  ['all_registered', 'education', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'education', 'admin', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['all_registered', 'education', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'education', 'member', 'active', false, 'best_effort', 'best_effort', 'education', 'best_effort', false, false],
  ['all_registered', 'education', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'education', 'member', 'suspended', false, 'denied', 'suspended_account', 'education', 'none', false, false],
  ['all_registered', 'education', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'enterprise', 'owner', 'active', false, 'entitled', 'entitled', 'enterprise', 'sla', true, true],
  ['all_registered', 'enterprise', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'enterprise', 'owner', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['all_registered', 'enterprise', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'enterprise', 'admin', 'active', false, 'entitled', 'entitled', 'enterprise', 'sla', true, true],
  ['all_registered', 'enterprise', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'enterprise', 'admin', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['all_registered', 'enterprise', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'enterprise', 'member', 'active', false, 'best_effort', 'best_effort', 'enterprise', 'best_effort', false, false],
  ['all_registered', 'enterprise', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'enterprise', 'member', 'suspended', false, 'denied', 'suspended_account', 'enterprise', 'none', false, false],
  ['all_registered', 'enterprise', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'api', 'owner', 'active', false, 'entitled', 'entitled', 'api', 'sla', true, true],
  ['all_registered', 'api', 'owner', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'api', 'owner', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['all_registered', 'api', 'owner', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'api', 'admin', 'active', false, 'entitled', 'entitled', 'api', 'sla', true, true],
  ['all_registered', 'api', 'admin', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'api', 'admin', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['all_registered', 'api', 'admin', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
  ['all_registered', 'api', 'member', 'active', false, 'best_effort', 'best_effort', 'api', 'best_effort', false, false],
  ['all_registered', 'api', 'member', 'active', true, 'best_effort', 'best_effort', 'free', 'best_effort', false, false],
  ['all_registered', 'api', 'member', 'suspended', false, 'denied', 'suspended_account', 'api', 'none', false, false],
  ['all_registered', 'api', 'member', 'suspended', true, 'denied', 'suspended_account', 'free', 'none', false, false],
];

describe('decideTicketEntitlement', () => {
  it('covers every plan, role, account status and plan end in both modes', () => {
    expect(MATRIX).toHaveLength(2 * 6 * 3 * 2 * 2);
    expect(new Set(MATRIX.map((row) => row.slice(0, 5).join('|'))).size).toBe(MATRIX.length);
  });

  it.each(MATRIX)(
    '%s: %s %s, account %s, plan ended %s → %s (%s) on %s, ticket %s, chat %s, phone %s',
    (mode, plan, role, accountStatus, planEnded, status, reason, effectivePlan, ticket, chat, phone) => {
      const decision = decideTicketEntitlement({
        account: account(plan, { status: accountStatus, planEndsAt: planEnded ? ENDED : RUNNING }),
        role,
        plans: catalog(mode),
        priority: 'urgent',
        now: NOW,
      });

      expect(decision.status).toBe(status);
      expect(decision.reason).toBe(reason);
      expect(decision.plan).toBe(effectivePlan);
      expect(decision.planVersion).toBe(1);
      expect(decision.role).toBe(role);
      expect(decision.channels).toEqual({ selfService: true, ticket, chat, phone });
      if (status === 'entitled') {
        expect(decision.slaTarget).toBe('PT1H');
        expect(decision.slaTargets).toEqual(STANDARD_TARGETS);
      } else {
        expect(decision.slaTarget).toBeNull();
        expect(decision.slaTargets).toBeNull();
      }
    },
  );

  it.each([
    ['urgent', 'PT1H'],
    ['high', 'PT4H'],
    ['normal', 'PT24H'],
    ['low', 'PT24H'],
  ] as const)('gives an entitled %s ticket the target %s', (priority, target) => {
    const decision = decideTicketEntitlement({
      account: account('enterprise'),
      role: 'admin',
      plans: catalog('paid_admins_only'),
      priority,
      now: NOW,
    });
    expect(decision.status).toBe('entitled');
    expect(decision.slaTarget).toBe(target);
    expect(decision.slaTargets).toEqual(STANDARD_TARGETS);
  });

  it('denies a requester with no account, leaving self-service open', () => {
    const decision = decideTicketEntitlement({
      account: null,
      role: null,
      plans: catalog('all_registered'),
      priority: 'urgent',
      now: NOW,
    });
    expect(decision).toEqual({
      status: 'denied',
      reason: 'unknown_account',
      plan: null,
      planVersion: null,
      role: null,
      channels: SELF_SERVICE_ONLY,
      slaTarget: null,
      slaTargets: null,
      servicePriority: 0,
    });
  });

  describe('a user the account does not know', () => {
    it.each([
      ['paid_admins_only', 'free', 'denied', 'free_plan', 'none'],
      ['paid_admins_only', 'pro', 'denied', 'end_user', 'none'],
      ['paid_admins_only', 'business', 'denied', 'end_user', 'none'],
      ['paid_admins_only', 'education', 'denied', 'end_user', 'none'],
      ['paid_admins_only', 'enterprise', 'denied', 'end_user', 'none'],
      ['paid_admins_only', 'api', 'denied', 'end_user', 'none'],
      ['all_registered', 'free', 'best_effort', 'best_effort', 'best_effort'],
      ['all_registered', 'pro', 'best_effort', 'best_effort', 'best_effort'],
      ['all_registered', 'business', 'best_effort', 'best_effort', 'best_effort'],
      ['all_registered', 'education', 'best_effort', 'best_effort', 'best_effort'],
      ['all_registered', 'enterprise', 'best_effort', 'best_effort', 'best_effort'],
      ['all_registered', 'api', 'best_effort', 'best_effort', 'best_effort'],
    ] as const)('%s, %s plan: is treated as a member → %s (%s)', (mode, plan, status, reason, ticket) => {
      const decision = decideTicketEntitlement({ account: account(plan), role: null, plans: catalog(mode), priority: 'high', now: NOW });
      expect(decision).toMatchObject({ status, reason, role: 'member', plan, slaTarget: null, slaTargets: null });
      expect(decision.channels).toEqual({ selfService: true, ticket, chat: false, phone: false });
    });
  });

  describe('the end of a paid plan', () => {
    const decideFor = (planEndsAt: Date | null) =>
      decideTicketEntitlement({
        account: account('business', { planEndsAt }),
        role: 'owner',
        plans: catalog('paid_admins_only'),
        priority: 'normal',
        now: NOW,
      });

    it('has no effect while the plan has no end date', () => {
      expect(decideFor(null)).toMatchObject({ status: 'entitled', plan: 'business', slaTarget: 'PT24H' });
    });

    it('takes effect at the very instant the plan ends', () => {
      expect(decideFor(new Date('2026-11-21T10:00:00.000Z'))).toMatchObject({
        status: 'denied',
        reason: 'plan_expired_free',
        plan: 'free',
      });
    });

    it('has not taken effect a millisecond before', () => {
      expect(decideFor(new Date('2026-11-21T10:00:00.001Z'))).toMatchObject({ status: 'entitled', plan: 'business' });
    });
  });

  describe('service priority', () => {
    it.each([
      ['paid_admins_only', 'pro', 'owner', 1],
      ['paid_admins_only', 'pro', 'member', 0],
      ['paid_admins_only', 'free', 'owner', 0],
      ['all_registered', 'api', 'admin', 1],
      ['all_registered', 'api', 'member', 1],
      ['all_registered', 'free', 'owner', 0],
    ] as const)('%s: %s %s is served at priority %d', (mode, plan, role, servicePriority) => {
      const decision = decideTicketEntitlement({ account: account(plan), role, plans: catalog(mode), priority: 'low', now: NOW });
      expect(decision.servicePriority).toBe(servicePriority);
    });

    it('puts a suspended paid account at the back', () => {
      const decision = decideTicketEntitlement({
        account: account('enterprise', { status: 'suspended' }),
        role: 'owner',
        plans: catalog('all_registered'),
        priority: 'urgent',
        now: NOW,
      });
      expect(decision.servicePriority).toBe(0);
    });
  });

  describe('plan catalogues', () => {
    const pro: PlanDefinition = {
      ...catalog('paid_admins_only').get('pro')!,
      version: 3,
      slaTargets: { low: 'P2D', normal: 'PT12H', high: 'PT2H', urgent: 'PT30M' },
    };

    it('accepts a lookup function and records the version decided under', () => {
      const decision = decideTicketEntitlement({
        account: account('pro'),
        role: 'admin',
        plans: (code) => (code === 'pro' ? pro : catalog('paid_admins_only').get(code)!),
        priority: 'urgent',
        now: NOW,
      });
      expect(decision).toMatchObject({ status: 'entitled', plan: 'pro', planVersion: 3, slaTarget: 'PT30M' });
      expect(decision.slaTargets).toEqual(pro.slaTargets);
    });

    it('does not hand out the stored targets object itself', () => {
      const plans = new Map([['pro', pro]]) as ReadonlyMap<PlanCode, PlanDefinition>;
      const decision = decideTicketEntitlement({ account: account('pro'), role: 'owner', plans, priority: 'low', now: NOW });
      decision.slaTargets!.low = 'PT1S';
      decision.channels.phone = true;
      expect(pro.slaTargets!.low).toBe('P2D');
      expect(pro.roles.owner.phone).toBe(false);
    });

    it('names the reason when a paid plan gives an admin no tickets', () => {
      const plain = catalog('paid_admins_only').get('pro')!;
      const noAdminTickets: PlanDefinition = { ...plain, roles: { ...plain.roles, admin: { ...SELF_SERVICE_ONLY } } };
      const decision = decideTicketEntitlement({
        account: account('pro'),
        role: 'admin',
        plans: new Map([['pro', noAdminTickets]]),
        priority: 'high',
        now: NOW,
      });
      expect(decision).toMatchObject({ status: 'denied', reason: 'ticket_not_in_plan', plan: 'pro' });
    });

    it('fails loudly when the catalogue has no definition for the plan', () => {
      const plans = new Map([['pro', pro]]) as ReadonlyMap<PlanCode, PlanDefinition>;
      expect(() => decideTicketEntitlement({ account: account('business'), role: 'owner', plans, priority: 'low', now: NOW })).toThrow(
        PlanConfigurationError,
      );
    });

    it('fails loudly when an expired plan has no free plan to fall back to', () => {
      const plans = new Map([['pro', pro]]) as ReadonlyMap<PlanCode, PlanDefinition>;
      expect(() =>
        decideTicketEntitlement({ account: account('pro', { planEndsAt: ENDED }), role: 'owner', plans, priority: 'low', now: NOW }),
      ).toThrow("no definition for plan 'free'");
    });

    it('fails loudly when a stored plan promises SLA tickets without targets', () => {
      const broken: PlanDefinition = { ...pro, slaTargets: null };
      expect(() =>
        decideTicketEntitlement({ account: account('pro'), role: 'owner', plans: new Map([['pro', broken]]), priority: 'low', now: NOW }),
      ).toThrow(PlanConfigurationError);
    });

    it('fails loudly when the lookup answers with another plan', () => {
      expect(() =>
        decideTicketEntitlement({ account: account('api'), role: 'owner', plans: () => pro, priority: 'low', now: NOW }),
      ).toThrow("the definition looked up for plan 'api' is for plan 'pro'");
    });
  });
});

describe('describeDecision', () => {
  const decide = (mode: TicketPolicyMode, acct: CustomerAccount | null, role: AccountRole | null) =>
    describeDecision(decideTicketEntitlement({ account: acct, role, plans: catalog(mode), priority: 'urgent', now: NOW }));

  it('names the deadline and the open channels of an entitled ticket', () => {
    expect(decide('paid_admins_only', account('business'), 'owner')).toBe(
      'The Business plan includes support tickets with a first response within 1 hour; self-service help stays open: ' +
        'search the help center. Web chat (the Help button in the web portal) and the phone hotlines are also open.',
    );
    expect(decide('paid_admins_only', account('pro'), 'admin')).toBe(
      'The Pro plan includes support tickets with a first response within 1 hour; self-service help stays open: ' +
        'search the help center. Web chat (the Help button in the web portal) is also open.',
    );
  });

  it.each([
    ['a free owner', 'paid_admins_only', account('free'), 'owner', 'Free plans include self-service help only: search the help center.'],
    [
      'an end user of a paid plan',
      'paid_admins_only',
      account('api'),
      'member',
      "On the API partner plan, support tickets are filed by the account's owner or administrators; end users have self-service help: search the help center.",
    ],
    [
      'the owner of an ended plan',
      'paid_admins_only',
      account('pro', { planEndsAt: ENDED }),
      'owner',
      "The account's paid plan has ended and it is now on the Free plan, which includes self-service help only: search the help center.",
    ],
    [
      'a requester with no account',
      'paid_admins_only',
      null,
      null,
      'No customer account is known for this request, so only self-service help is available: search the help center.',
    ],
    [
      'the owner of a suspended account',
      'all_registered',
      account('business', { status: 'suspended' }),
      'owner',
      'The account is suspended, so support requests are not accepted; self-service help is still open: search the help center.',
    ],
    [
      'a best-effort requester',
      'all_registered',
      account('free'),
      'member',
      'Your ticket will be answered as soon as possible, with no committed response time; meanwhile self-service help is open: search the help center.',
    ],
  ] as const)('%s (%s)', (_who, mode, acct, role, message) => {
    expect(decide(mode, acct, role)).toBe(message);
  });

  it('explains a paid plan that leaves an admin without tickets', () => {
    const plain = catalog('paid_admins_only').get('education')!;
    const decision = decideTicketEntitlement({
      account: account('education'),
      role: 'admin',
      plans: new Map([['education', { ...plain, roles: { ...plain.roles, admin: { ...SELF_SERVICE_ONLY } } }]]),
      priority: 'low',
      now: NOW,
    });
    expect(describeDecision(decision)).toBe(
      'The Education plan does not include support tickets for this role; self-service help is open: search the help center.',
    );
  });

  it('has a sentence for every priority of an entitled ticket', () => {
    for (const priority of TICKET_PRIORITIES) {
      const decision = decideTicketEntitlement({
        account: account('pro'),
        role: 'owner',
        plans: catalog('all_registered'),
        priority,
        now: NOW,
      });
      expect(describeDecision(decision)).toMatch(/within (1 hour|4 hours|24 hours);/);
    }
  });
});
