import { defaultSlaPolicy, startClock, type SlaClock } from '@support/domain-sla';
import { fireDueTimers } from './clock-ledger';

const HOUR = 3_600_000;
const policy = defaultSlaPolicy();
const created = new Date('2026-11-21T10:00:00.000Z');
const after = (ms: number) => new Date(created.getTime() + ms);

function urgentClock(): SlaClock {
  return startClock({ ticketId: 't-1', metric: 'first_response', priority: 'urgent', startedAt: created, targetMs: HOUR, policy }).clock;
}

describe('fireDueTimers', () => {
  it('fires nothing before the warning', () => {
    expect(fireDueTimers(urgentClock(), policy, after(44 * 60_000)).transitions).toEqual([]);
  });

  it('fires every threshold due by the instant, in order, dated at the thresholds', () => {
    const step = fireDueTimers(urgentClock(), policy, after(2 * HOUR));
    expect(step.transitions.map((t) => [t.kind, t.kind === 'escalated' ? t.level : null, t.at.toISOString()])).toEqual([
      ['warning', null, '2026-11-21T10:45:00.000Z'],
      ['breached', null, '2026-11-21T11:00:00.000Z'],
      ['escalated', 1, '2026-11-21T11:00:00.000Z'],
      ['escalated', 2, '2026-11-21T11:30:00.000Z'],
    ]);
    expect(step.clock).toMatchObject({ escalationLevel: 2, breachedAt: after(HOUR), warnedAt: after(0.75 * HOUR) });
  });

  it('stops at the instant: the breach is due, the second escalation is not', () => {
    const step = fireDueTimers(urgentClock(), policy, after(HOUR));
    expect(step.transitions.map((t) => t.kind)).toEqual(['warning', 'breached', 'escalated']);
    expect(step.clock.escalationLevel).toBe(1);
  });

  it('fires each threshold once however often it is asked: a repeated or late pass finds nothing new', () => {
    const first = fireDueTimers(urgentClock(), policy, after(HOUR));
    expect(fireDueTimers(first.clock, policy, after(HOUR)).transitions).toEqual([]);
    const later = fireDueTimers(first.clock, policy, after(3 * HOUR));
    expect(later.transitions.map((t) => t.kind)).toEqual(['escalated']);
    expect(fireDueTimers(later.clock, policy, after(9 * HOUR)).transitions).toEqual([]);
  });
});
