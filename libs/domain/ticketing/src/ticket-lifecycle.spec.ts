import { TICKET_STATUSES, type TicketStatus } from './vocabulary';
import {
  allowedTargets,
  decideTransition,
  reopenDeadline,
  REOPEN_WINDOW_MS,
  TRANSITION_ACTORS,
  type TransitionActor,
} from './ticket-lifecycle';

/** The lifecycle as the issue states it, written out independently of the implementation's table. */
const LEGAL = new Set([
  'new→open:staff',
  'new→pending:staff',
  'new→on_hold:staff',
  'new→solved:staff',
  'new→rejected:plan_check',
  'open→pending:staff',
  'open→on_hold:staff',
  'open→solved:staff',
  'pending→open:staff',
  'pending→open:requester',
  'pending→on_hold:staff',
  'pending→solved:staff',
  'on_hold→open:staff',
  'on_hold→pending:staff',
  'on_hold→solved:staff',
  'solved→open:staff',
  'solved→open:requester',
  'solved→closed:staff',
  'rejected→open:staff',
]);

const NOW = new Date('2026-11-21T10:00:00.000Z');
const SOLVED_YESTERDAY = { solvedAt: new Date(NOW.getTime() - 24 * 3600_000), now: NOW };

const everyPair = TICKET_STATUSES.flatMap((from) =>
  TICKET_STATUSES.flatMap((to) => TRANSITION_ACTORS.map((actor) => [from, to, actor] as [TicketStatus, TicketStatus, TransitionActor])),
);

describe('ticket lifecycle', () => {
  it('covers every pair of statuses for every actor', () => {
    expect(everyPair).toHaveLength(TICKET_STATUSES.length * TICKET_STATUSES.length * TRANSITION_ACTORS.length);
  });

  it.each(everyPair)('%s → %s by %s', (from, to, actor) => {
    const verdict = decideTransition(from, to, actor, SOLVED_YESTERDAY);
    const legal = LEGAL.has(`${from}→${to}:${actor}`);
    expect(verdict.allowed).toBe(legal);
    if (!verdict.allowed) {
      expect(verdict.refusal).toBe(from === to ? 'unchanged' : from === 'closed' ? 'closed_final' : 'not_allowed');
      const expectedTargets = TICKET_STATUSES.filter((target) => LEGAL.has(`${from}→${target}:${actor}`));
      expect(verdict.allowedTargets).toEqual(expectedTargets);
    }
  });

  it('leaves nothing reachable from closed, for anyone', () => {
    for (const actor of TRANSITION_ACTORS) expect(allowedTargets('closed', actor, SOLVED_YESTERDAY)).toEqual([]);
  });

  it('lets only the plan check reject, and only a new ticket', () => {
    const rejecting = everyPair.filter(
      ([from, to, actor]) => to === 'rejected' && decideTransition(from, to, actor, SOLVED_YESTERDAY).allowed,
    );
    expect(rejecting).toEqual([['new', 'rejected', 'plan_check']]);
  });

  describe('the requester reopening a solved ticket', () => {
    const solvedAt = new Date('2026-11-14T10:00:00.000Z');

    it.each([
      ['right after solving', solvedAt, true],
      ['six days later', new Date(solvedAt.getTime() + 6 * 24 * 3600_000), true],
      ['exactly seven days later', new Date(solvedAt.getTime() + REOPEN_WINDOW_MS), true],
      ['one millisecond past seven days', new Date(solvedAt.getTime() + REOPEN_WINDOW_MS + 1), false],
      ['a month later', new Date(solvedAt.getTime() + 30 * 24 * 3600_000), false],
    ])('%s: allowed=%s', (_label, now, allowed) => {
      const verdict = decideTransition('solved', 'open', 'requester', { solvedAt, now });
      expect(verdict.allowed).toBe(allowed);
      if (!verdict.allowed) expect(verdict).toEqual({ allowed: false, refusal: 'reopen_window_passed', allowedTargets: [] });
    });

    it('does not limit staff, who may reopen at any time', () => {
      const now = new Date(solvedAt.getTime() + 365 * 24 * 3600_000);
      expect(decideTransition('solved', 'open', 'staff', { solvedAt, now }).allowed).toBe(true);
    });

    it('treats a solved ticket with no solve time as past the window', () => {
      expect(decideTransition('solved', 'open', 'requester', { solvedAt: null, now: NOW })).toMatchObject({
        allowed: false,
        refusal: 'reopen_window_passed',
      });
    });

    it('names the deadline seven days after solving', () => {
      expect(reopenDeadline(solvedAt).toISOString()).toBe('2026-11-21T10:00:00.000Z');
    });
  });
});
