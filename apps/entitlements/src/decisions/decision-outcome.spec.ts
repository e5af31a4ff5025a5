import { defaultPlans, DEFAULT_SLA_TARGETS } from '@support/domain-entitlements';
import { FINISHED_TICKET_STATUSES, sameOutcome, type RecordedOutcome } from './decision-outcome';

const entitled: RecordedOutcome = { status: 'entitled', reason: 'entitled', slaTargets: { ...DEFAULT_SLA_TARGETS } };

describe('sameOutcome', () => {
  it('holds for the same deadlines whatever the key order', () => {
    const reordered = { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' } as const;
    expect(sameOutcome(entitled, { ...entitled, slaTargets: { ...reordered } })).toBe(true);
  });

  it.each<[string, RecordedOutcome]>([
    ['a different status', { status: 'best_effort', reason: 'best_effort', slaTargets: null }],
    ['a different reason for the same refusal', { status: 'denied', reason: 'free_plan', slaTargets: null }],
    ['a different deadline', { ...entitled, slaTargets: { ...DEFAULT_SLA_TARGETS, urgent: 'PT30M' } }],
  ])('fails for %s', (_, next) => {
    const previous: RecordedOutcome = next.status === 'denied' ? { status: 'denied', reason: 'end_user', slaTargets: null } : entitled;
    expect(sameOutcome(previous, next)).toBe(false);
  });

  it('holds between two refusals without deadlines for the same reason', () => {
    const refused: RecordedOutcome = { status: 'denied', reason: 'end_user', slaTargets: null };
    expect(sameOutcome(refused, { ...refused })).toBe(true);
  });

  it('sees the shipped paid plans as one outcome for an owner', () => {
    const [pro, business] = ['pro', 'business'].map((code) => defaultPlans().find((p) => p.code === code)!);
    expect(sameOutcome({ ...entitled, slaTargets: pro.slaTargets }, { ...entitled, slaTargets: business.slaTargets })).toBe(true);
  });
});

describe('FINISHED_TICKET_STATUSES', () => {
  it('leaves waiting and on-hold tickets open to re-decision', () => {
    expect(FINISHED_TICKET_STATUSES).toEqual(['solved', 'closed', 'rejected']);
  });
});
