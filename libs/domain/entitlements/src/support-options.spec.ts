import {
  SELF_SERVICE_ONLY,
  defaultHotlines,
  defaultPlans,
  supportOptions,
  type AccountRole,
  type CustomerAccount,
  type PlanCode,
  type PlanDefinition,
  type TicketPolicyMode,
} from './index';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const ENDED = new Date('2026-11-01T00:00:00.000Z');
const HOTLINES = defaultHotlines();
const STANDARD_TARGETS = { low: 'PT24H', normal: 'PT24H', high: 'PT4H', urgent: 'PT1H' };

function catalog(mode: TicketPolicyMode): ReadonlyMap<PlanCode, PlanDefinition> {
  return new Map(defaultPlans(mode).map((plan) => [plan.code, plan]));
}

function account(plan: PlanCode, overrides: Partial<CustomerAccount> = {}): CustomerAccount {
  return { id: 'acct-1', plan, status: 'active', planEndsAt: null, ...overrides };
}

function optionsFor(mode: TicketPolicyMode, acct: CustomerAccount | null, role: AccountRole | null) {
  return supportOptions({ account: acct, role, plans: catalog(mode), now: NOW, hotlines: HOTLINES });
}

describe('supportOptions', () => {
  it.each([
    ['paid_admins_only', 'business', 'owner', true, true],
    ['paid_admins_only', 'education', 'admin', true, true],
    ['paid_admins_only', 'enterprise', 'owner', true, true],
    ['paid_admins_only', 'api', 'admin', true, true],
    ['paid_admins_only', 'pro', 'owner', false, true],
    ['paid_admins_only', 'business', 'member', false, false],
    ['paid_admins_only', 'free', 'owner', false, false],
    ['all_registered', 'api', 'owner', true, true],
    ['all_registered', 'pro', 'admin', false, true],
    ['all_registered', 'enterprise', 'member', false, false],
    ['all_registered', 'free', 'admin', false, false],
  ] as const)('%s: %s %s gets hotlines %s and SLA targets %s', (mode, plan, role, hotlines, targets) => {
    const options = optionsFor(mode, account(plan), role);
    expect(options.hotlines).toEqual(hotlines ? HOTLINES : []);
    expect(options.slaTargets).toEqual(targets ? STANDARD_TARGETS : null);
    expect(options.channels.phone).toBe(hotlines);
  });

  it('describes everything the contact page needs for a Business admin', () => {
    expect(optionsFor('paid_admins_only', account('business'), 'admin')).toEqual({
      plan: 'business',
      effectivePlan: 'business',
      role: 'admin',
      channels: { selfService: true, ticket: 'sla', chat: true, phone: true },
      hotlines: HOTLINES,
      slaTargets: STANDARD_TARGETS,
      expired: false,
      reason: 'entitled',
    });
  });

  it('offers best-effort tickets with no targets to an end user under the Russian source', () => {
    expect(optionsFor('all_registered', account('pro'), 'member')).toEqual({
      plan: 'pro',
      effectivePlan: 'pro',
      role: 'member',
      channels: { selfService: true, ticket: 'best_effort', chat: false, phone: false },
      hotlines: [],
      slaTargets: null,
      expired: false,
      reason: 'best_effort',
    });
  });

  it('shows the subscribed plan beside the free plan in force once it has ended', () => {
    expect(optionsFor('paid_admins_only', account('enterprise', { planEndsAt: ENDED }), 'owner')).toEqual({
      plan: 'enterprise',
      effectivePlan: 'free',
      role: 'owner',
      channels: SELF_SERVICE_ONLY,
      hotlines: [],
      slaTargets: null,
      expired: true,
      reason: 'plan_expired_free',
    });
  });

  it('closes every channel but self-service for a suspended account', () => {
    expect(optionsFor('all_registered', account('api', { status: 'suspended' }), 'owner')).toEqual({
      plan: 'api',
      effectivePlan: 'api',
      role: 'owner',
      channels: SELF_SERVICE_ONLY,
      hotlines: [],
      slaTargets: null,
      expired: false,
      reason: 'suspended_account',
    });
  });

  it('leaves self-service open to a requester with no account', () => {
    expect(optionsFor('all_registered', null, null)).toEqual({
      plan: null,
      effectivePlan: null,
      role: null,
      channels: SELF_SERVICE_ONLY,
      hotlines: [],
      slaTargets: null,
      expired: false,
      reason: 'unknown_account',
    });
  });

  it('treats a user the account does not know as an end user', () => {
    const options = optionsFor('paid_admins_only', account('enterprise'), null);
    expect(options).toMatchObject({ role: 'member', hotlines: [], slaTargets: null, reason: 'end_user' });
  });

  it('hands out copies of the directory entries', () => {
    const options = optionsFor('paid_admins_only', account('api'), 'owner');
    options.hotlines[0].number = '+1.000';
    expect(HOTLINES[0].number).toBe('+1.888.799.9666');
  });
});
