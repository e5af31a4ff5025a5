import { defaultSlaPolicy } from '@support/domain-sla';
import { fieldProblem } from '@support/platform';
import { checkPolicyEdit } from './policy-edit';

describe('checkPolicyEdit', () => {
  it('fills what the edit leaves out from the defaults', () => {
    const checked = checkPolicyEdit('default', { name: 'Pauses while pending', pausedStatuses: { first_response: ['pending'] } });
    expect(checked.problems).toEqual([]);
    expect(checked.policy).toEqual({
      ...defaultSlaPolicy(),
      name: 'Pauses while pending',
      pausedStatuses: { first_response: ['pending'], next_reply: [], resolution: [] },
    });
  });

  it('lets targets for some metrics replace the default targets entirely', () => {
    const checked = checkPolicyEdit('default', { name: 'Resolution only', targets: { resolution: { urgent: 'PT8H' } } });
    expect(checked.policy?.targets).toEqual({ first_response: {}, next_reply: {}, resolution: { urgent: 'PT8H' } });
  });

  it('reports a misspelt metric instead of dropping it', () => {
    const checked = checkPolicyEdit('default', { name: 'x', targets: { first_respons: { urgent: 'PT1H' } } as never });
    expect(checked.policy).toBeNull();
    expect(checked.problems).toEqual([expect.stringMatching(/^targets\.first_respons: unknown metric/)]);
  });

  it.each([
    ['a number for the escalation ladder', { escalation: { afterBreachFractions: 5 } }, 'escalation.afterBreachFractions'],
    ['a string for paused statuses', { pausedStatuses: { first_response: 'pending' } }, 'pausedStatuses.first_response'],
    ['a number for statuses', { pausedStatuses: { next_reply: 3 } }, 'pausedStatuses.next_reply'],
    ['a target string for a metric', { targets: { first_response: 'PT1H' } }, 'targets.first_response'],
    ['a zero target', { targets: { first_response: { urgent: 'PT0S' } } }, 'targets.first_response.urgent'],
    ['a warning past the deadline', { warningAt: 1 }, 'warningAt'],
    [
      'an unknown zone',
      { calendar: { kind: 'business_hours', timeZone: 'Mars/Olympus', weekly: [{ day: 1, start: '09:00', end: '17:00' }], holidays: [] } },
      'calendar.timeZone',
    ],
  ])('refuses %s, naming the field, without throwing', (_, edit, field) => {
    const checked = checkPolicyEdit('default', { name: 'x', ...(edit as object) });
    expect(checked.policy).toBeNull();
    expect(checked.problems.map((problem) => fieldProblem(problem).field)).toContain(field);
  });
});
