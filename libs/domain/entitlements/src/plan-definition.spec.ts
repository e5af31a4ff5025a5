import {
  DEFAULT_SLA_TARGETS,
  PLAN_CODES,
  PlanConfigurationError,
  defaultPlans,
  isSlaDuration,
  nextPlanVersion,
  validatePlanDefinition,
  type PlanDefinition,
  type RoleChannels,
} from './index';

function plan(code: PlanDefinition['code']): PlanDefinition {
  return defaultPlans('paid_admins_only').find((candidate) => candidate.code === code)!;
}

describe('defaultPlans', () => {
  it.each(['paid_admins_only', 'all_registered'] as const)('%s: one valid version-1 plan per code', (mode) => {
    const plans = defaultPlans(mode);
    expect(plans.map((p) => p.code)).toEqual([...PLAN_CODES]);
    for (const p of plans) {
      expect(p.version).toBe(1);
      expect(validatePlanDefinition(p)).toEqual([]);
    }
  });

  it('defaults to the French source', () => {
    expect(defaultPlans()).toEqual(defaultPlans('paid_admins_only'));
  });

  it('names the plans as customers know them, and only the free plan is unpaid', () => {
    expect(defaultPlans().map((p) => [p.code, p.name, p.paid, p.servicePriority])).toEqual([
      ['free', 'Free', false, 0],
      ['pro', 'Pro', true, 1],
      ['business', 'Business', true, 1],
      ['education', 'Education', true, 1],
      ['enterprise', 'Enterprise', true, 1],
      ['api', 'API partner', true, 1],
    ]);
  });

  it('commits paid plans to the published first-response targets and the free plan to none', () => {
    expect(DEFAULT_SLA_TARGETS).toEqual({ urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' });
    for (const p of defaultPlans('all_registered')) {
      expect(p.slaTargets).toEqual(p.paid ? DEFAULT_SLA_TARGETS : null);
    }
  });

  it('returns fresh definitions that callers may change', () => {
    const first = defaultPlans();
    first[1].roles.owner.phone = true;
    first[1].slaTargets!.urgent = 'PT5M';
    expect(plan('pro').roles.owner.phone).toBe(false);
    expect(plan('pro').slaTargets!.urgent).toBe('PT1H');
    expect(DEFAULT_SLA_TARGETS.urgent).toBe('PT1H');
  });
});

describe('validatePlanDefinition', () => {
  const valid = () => structuredClone(plan('business'));
  // Administrators send JSON; these casts let a test shape it the way a bad request would.
  const loosely = <T>(value: unknown) => value as T;

  it('accepts every default plan', () => {
    expect(validatePlanDefinition(plan('business'))).toEqual([]);
  });

  it('names a target that is not a supported duration', () => {
    const p = valid();
    p.slaTargets!.urgent = '1 hour';
    expect(validatePlanDefinition(p)).toEqual([
      'slaTargets.urgent: "1 hour" is not a non-zero ISO-8601 duration of whole days, hours, minutes or seconds such as PT1H',
    ]);
  });

  it('names a missing target and an unknown priority', () => {
    const p = valid();
    p.slaTargets = loosely({ normal: 'PT24H', high: 'PT4H', urgent: 'PT1H', critical: 'PT1H' });
    expect(validatePlanDefinition(p)).toEqual([
      'slaTargets.low: missing',
      'slaTargets.critical: unknown priority, expected one of low, normal, high, urgent',
    ]);
  });

  it('names every role that has SLA tickets when the plan has no targets', () => {
    const p = valid();
    p.slaTargets = null;
    expect(validatePlanDefinition(p)).toEqual([
      "roles.owner.ticket: 'sla' needs slaTargets, which are null",
      "roles.admin.ticket: 'sla' needs slaTargets, which are null",
    ]);
  });

  it('names an unknown role and a missing one', () => {
    const p = valid();
    p.roles = loosely({
      owner: p.roles.owner,
      admin: p.roles.admin,
      agent: { selfService: true, ticket: 'none', chat: false, phone: false },
    });
    expect(validatePlanDefinition(p)).toEqual(['roles.member: missing', 'roles.agent: unknown role, expected one of owner, admin, member']);
  });

  it('names bad channels of a role', () => {
    const p = valid();
    p.roles.admin = loosely<RoleChannels>({ selfService: false, ticket: 'priority', chat: 'yes', phone: true, fax: true });
    expect(validatePlanDefinition(p)).toEqual([
      'roles.admin.selfService: must be true, the help center is open to everyone (got false)',
      'roles.admin.ticket: must be one of sla, best_effort, none (got "priority")',
      'roles.admin.chat: must be true or false (got "yes")',
      'roles.admin.fax: unknown channel',
    ]);
  });

  it('names bad plan fields', () => {
    const p = valid();
    Object.assign(p, { code: 'gold', name: ' ', version: 0, paid: 'yes', servicePriority: -1 });
    expect(validatePlanDefinition(p)).toEqual([
      'code: must be one of free, pro, business, education, enterprise, api (got "gold")',
      'name: must be a non-empty string',
      'version: must be a whole number from 1 (got 0)',
      'paid: must be true or false (got "yes")',
      'servicePriority: must be a whole number from 0 (got -1)',
    ]);
  });

  it('refuses what is not a plan at all', () => {
    expect(validatePlanDefinition(null)).toEqual(['plan: must be an object']);
    const p = valid();
    p.roles = loosely([]);
    p.slaTargets = loosely('PT1H');
    expect(validatePlanDefinition(p)).toEqual([
      'slaTargets: must be null or an object with low, normal, high, urgent',
      'roles: must be an object with owner, admin, member',
    ]);
  });
});

describe('SLA target durations', () => {
  it.each(['PT1H', 'PT4H', 'PT24H', 'PT30S', 'PT90M', 'P1D', 'P1DT12H', 'PT1H30M15S', 'PT0H1M'])('accepts %s', (text) => {
    expect(isSlaDuration(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', 'PT0S', 'P0DT0H', 'PT1.5H', 'PT-1H', 'P1W', 'P1M', 'P1Y', 'PT1h', '1H', 'PT1H ', 'T1H', 'PT1S1M'])(
    'refuses %j',
    (text) => {
      expect(isSlaDuration(text)).toBe(false);
    },
  );
});

describe('nextPlanVersion', () => {
  const current: PlanDefinition = { ...plan('pro'), version: 4 };

  it('keeps the version when nothing changed, whatever version the change carries', () => {
    const next = nextPlanVersion(current, { ...structuredClone(current), version: 99 });
    expect(next).toEqual(current);
  });

  it.each<[string, (p: PlanDefinition) => void]>([
    ['the name', (p) => (p.name = 'Pro (2027)')],
    ['paid', (p) => (p.paid = false)],
    ['the service priority', (p) => (p.servicePriority = 5)],
    ['a role channel', (p) => (p.roles.owner.phone = true)],
    ['an SLA target', (p) => (p.slaTargets!.urgent = 'PT30M')],
    [
      'the targets to none',
      (p) => {
        p.slaTargets = null;
        p.roles.owner.ticket = 'best_effort';
        p.roles.admin.ticket = 'best_effort';
      },
    ],
  ])('bumps the version when %s changes', (_what, change) => {
    const changed = structuredClone(current);
    change(changed);
    const next = nextPlanVersion(current, changed);
    expect(next).toEqual({ ...changed, version: 5 });
  });

  it('bumps from the stored version, not the one the change claims', () => {
    const changed = { ...structuredClone(current), version: 1, name: 'Pro Plus' };
    expect(nextPlanVersion(current, changed).version).toBe(5);
  });

  it('does not share objects with either input', () => {
    const changed = structuredClone(current);
    const next = nextPlanVersion(current, changed);
    next.roles.admin.chat = false;
    next.slaTargets!.low = 'PT1S';
    expect(changed.roles.admin.chat).toBe(true);
    expect(changed.slaTargets!.low).toBe('PT24H');
  });

  it('refuses to turn one plan into another', () => {
    expect(() => nextPlanVersion(current, { ...structuredClone(current), code: 'business' })).toThrow(PlanConfigurationError);
  });
});
