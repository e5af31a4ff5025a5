import {
  DEFAULT_WARNING_FRACTION,
  SLA_METRICS,
  SlaPolicy,
  TICKET_PRIORITIES,
  defaultSlaPolicy,
  pausesClock,
  slaPolicyWithDefaults,
  slaTargetMs,
  validateSlaPolicy,
} from './policy';

const HOUR = 3_600_000;

describe('defaultSlaPolicy', () => {
  it('publishes the desk’s first-response deadlines on a 24/7 clock', () => {
    expect(defaultSlaPolicy()).toEqual({
      id: 'default',
      name: 'Standard first-response deadlines',
      targets: {
        first_response: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
        next_reply: {},
        resolution: {},
      },
      warningAt: 0.75,
      escalation: { afterBreachFractions: [0, 0.5] },
      pausedStatuses: { first_response: [], next_reply: [], resolution: [] },
      calendar: { kind: '24x7' },
    });
    expect(DEFAULT_WARNING_FRACTION).toBe(0.75);
  });

  it('is valid', () => {
    expect(validateSlaPolicy(defaultSlaPolicy())).toEqual([]);
  });

  it('hands out a fresh copy each time', () => {
    const first = defaultSlaPolicy();
    first.targets.first_response.urgent = 'PT2H';
    first.escalation.afterBreachFractions.push(1);
    expect(defaultSlaPolicy().targets.first_response.urgent).toBe('PT1H');
    expect(defaultSlaPolicy().escalation.afterBreachFractions).toEqual([0, 0.5]);
  });
});

describe('slaTargetMs', () => {
  const policy = defaultSlaPolicy();

  it.each([
    ['urgent', HOUR],
    ['high', 4 * HOUR],
    ['normal', 24 * HOUR],
    ['low', 24 * HOUR],
  ] as const)('first response for %s is %d ms', (priority, expected) => {
    expect(slaTargetMs(policy, 'first_response', priority)).toBe(expected);
  });

  it('is null where the policy sets no target', () => {
    expect(slaTargetMs(policy, 'next_reply', 'urgent')).toBeNull();
    expect(slaTargetMs(policy, 'resolution', 'low')).toBeNull();
  });
});

describe('pausesClock', () => {
  const policy: SlaPolicy = {
    ...defaultSlaPolicy(),
    pausedStatuses: { first_response: [], next_reply: [], resolution: ['pending_customer', 'on_hold'] },
  };

  it.each([
    ['resolution', 'pending_customer', true],
    ['resolution', 'on_hold', true],
    ['resolution', 'open', false],
    ['first_response', 'pending_customer', false],
  ] as const)('%s in status %s pauses: %s', (metric, status, expected) => {
    expect(pausesClock(policy, metric, status)).toBe(expected);
  });

  it('pauses nothing by default', () => {
    for (const metric of SLA_METRICS) {
      expect(pausesClock(defaultSlaPolicy(), metric, 'pending_customer')).toBe(false);
    }
  });
});

describe('slaPolicyWithDefaults', () => {
  it('fills everything but the identity from the defaults', () => {
    expect(slaPolicyWithDefaults({ id: 'gold', name: 'Gold' })).toEqual({ ...defaultSlaPolicy(), id: 'gold', name: 'Gold' });
  });

  it('keeps what is given and does not inherit unnamed targets', () => {
    const policy = slaPolicyWithDefaults({
      id: 'gold',
      name: 'Gold',
      targets: { resolution: { urgent: 'PT8H' } },
      warningAt: 0.5,
      escalation: { afterBreachFractions: [0, 1] },
      pausedStatuses: { resolution: ['pending_customer'] },
      calendar: { kind: 'business_hours', timeZone: 'Europe/Paris', weekly: [{ day: 1, start: '09:00', end: '17:00' }], holidays: [] },
    });
    expect(policy.targets).toEqual({ first_response: {}, next_reply: {}, resolution: { urgent: 'PT8H' } });
    expect(policy.warningAt).toBe(0.5);
    expect(policy.escalation.afterBreachFractions).toEqual([0, 1]);
    expect(policy.pausedStatuses).toEqual({ first_response: [], next_reply: [], resolution: ['pending_customer'] });
    expect(policy.calendar.kind).toBe('business_hours');
    expect(validateSlaPolicy(policy)).toEqual([]);
  });
});

describe('validateSlaPolicy', () => {
  const policyWith = (changes: Record<string, unknown>): unknown => ({ ...defaultSlaPolicy(), ...changes });
  const targetsWith = (firstResponse: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    policyWith({ targets: { first_response: firstResponse, next_reply: {}, resolution: {}, ...extra } });

  it.each<[string, unknown, string[]]>([
    ['not an object', null, ['policy: expected an object']],
    ['an array', [], ['policy: expected an object']],
    ['an empty id', policyWith({ id: '' }), ['id: expected a non-empty string']],
    ['a blank name', policyWith({ name: '  ' }), ['name: expected a non-empty string']],
    [
      'a target in years',
      targetsWith({ urgent: 'P1Y' }),
      [
        'targets.first_response.urgent: "P1Y" is not a supported duration: years and months have no fixed length; use days, hours, minutes or seconds',
      ],
    ],
    [
      'a zero target',
      targetsWith({ high: 'PT0S' }),
      ['targets.first_response.high: "PT0S" is not a supported duration: it must be longer than zero'],
    ],
    [
      'a numeric target',
      targetsWith({ low: 3600 }),
      ['targets.first_response.low: "3600" is not a supported duration: expected a string such as PT1H'],
    ],
    [
      'an unknown priority',
      targetsWith({ critical: 'PT1H' }),
      ['targets.first_response.critical: unknown priority; expected one of urgent, high, normal, low'],
    ],
    [
      'an unknown metric',
      targetsWith({}, { first_reply: {} }),
      ['targets.first_reply: unknown metric; expected one of first_response, next_reply, resolution'],
    ],
    ['no targets', policyWith({ targets: undefined }), ['targets: expected an object keyed by metric']],
    [
      'a metric without its object',
      policyWith({ targets: { first_response: {}, next_reply: {} } }),
      ['targets.resolution: expected an object keyed by priority (use {} for no targets)'],
    ],
    ['warningAt of 0', policyWith({ warningAt: 0 }), ['warningAt: 0 must be a fraction of the target strictly between 0 and 1']],
    ['warningAt of 1', policyWith({ warningAt: 1 }), ['warningAt: 1 must be a fraction of the target strictly between 0 and 1']],
    ['warningAt of 75', policyWith({ warningAt: 75 }), ['warningAt: 75 must be a fraction of the target strictly between 0 and 1']],
    [
      'a missing warningAt',
      policyWith({ warningAt: undefined }),
      ['warningAt: undefined must be a fraction of the target strictly between 0 and 1'],
    ],
    [
      'a textual warningAt',
      policyWith({ warningAt: '0.5' }),
      ['warningAt: "0.5" must be a fraction of the target strictly between 0 and 1'],
    ],
    [
      'no escalation ladder',
      policyWith({ escalation: {} }),
      ['escalation.afterBreachFractions: expected a list of fractions of the target, such as [0, 0.5]'],
    ],
    [
      'a negative escalation fraction',
      policyWith({ escalation: { afterBreachFractions: [-0.5, 0.5] } }),
      ['escalation.afterBreachFractions[0]: -0.5 must be a number of at least 0'],
    ],
    [
      'escalation fractions out of order',
      policyWith({ escalation: { afterBreachFractions: [0, 1, 0.5] } }),
      ["escalation.afterBreachFractions[2]: 0.5 must be greater than the previous level's 1"],
    ],
    [
      'a repeated escalation fraction',
      policyWith({ escalation: { afterBreachFractions: [0, 0] } }),
      ["escalation.afterBreachFractions[1]: 0 must be greater than the previous level's 0"],
    ],
    [
      'an infinite escalation fraction',
      policyWith({ escalation: { afterBreachFractions: [0, Number.POSITIVE_INFINITY] } }),
      ['escalation.afterBreachFractions[1]: Infinity must be a number of at least 0'],
    ],
    ['no paused statuses', policyWith({ pausedStatuses: undefined }), ['pausedStatuses: expected an object keyed by metric']],
    [
      'paused statuses that are not a list',
      policyWith({ pausedStatuses: { first_response: [], next_reply: [], resolution: 'on_hold' } }),
      ['pausedStatuses.resolution: expected a list of ticket statuses (use [] for none)'],
    ],
    [
      'an empty paused status',
      policyWith({ pausedStatuses: { first_response: [], next_reply: [''], resolution: [], waiting: [] } }),
      [
        'pausedStatuses.waiting: unknown metric; expected one of first_response, next_reply, resolution',
        'pausedStatuses.next_reply[0]: expected a non-empty status name',
      ],
    ],
    [
      'a bad time zone',
      policyWith({
        calendar: { kind: 'business_hours', timeZone: 'Paris', weekly: [{ day: 1, start: '09:00', end: '17:00' }], holidays: [] },
      }),
      ['calendar.timeZone: "Paris" is not a known IANA time zone'],
    ],
    [
      'a calendar with no working interval',
      policyWith({ calendar: { kind: 'business_hours', timeZone: 'Europe/Paris', weekly: [], holidays: [] } }),
      ['calendar.weekly: at least one working interval is needed, otherwise no deadline would ever come'],
    ],
    [
      'bad intervals and holidays',
      policyWith({
        calendar: {
          kind: 'business_hours',
          timeZone: 'Europe/Paris',
          weekly: [{ day: 1, start: '17:00', end: '09:00' }],
          holidays: ['2026-13-01'],
        },
      }),
      [
        'calendar.weekly[0]: end 09:00 must be after start 17:00; split intervals that cross midnight',
        'calendar.holidays[0]: "2026-13-01" is not a calendar date (YYYY-MM-DD)',
      ],
    ],
    ['a missing calendar', policyWith({ calendar: undefined }), ['calendar: expected an object with a kind of "24x7" or "business_hours"']],
  ])('reports %s', (_case, policy, problems) => {
    expect(validateSlaPolicy(policy)).toEqual(problems);
  });

  it('reports every problem at once', () => {
    const problems = validateSlaPolicy(
      policyWith({ id: '', warningAt: 2, targets: { first_response: { urgent: 'P1M' }, next_reply: {}, resolution: {} } }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['id', 'targets.first_response.urgent', 'warningAt']);
  });

  it('accepts an empty escalation ladder and every priority', () => {
    const targets = Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, 'PT30S']));
    expect(
      validateSlaPolicy(
        policyWith({
          escalation: { afterBreachFractions: [] },
          targets: { first_response: targets, next_reply: targets, resolution: targets },
        }),
      ),
    ).toEqual([]);
  });
});
