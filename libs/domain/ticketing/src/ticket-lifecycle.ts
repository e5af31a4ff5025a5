import { TICKET_STATUSES, type TicketStatus } from './vocabulary';

/**
 * Who asks for a status change: the support staff (agents and admins), the ticket's requester, or
 * the plan check reacting to a refused entitlement.
 */
export const TRANSITION_ACTORS = ['staff', 'requester', 'plan_check'] as const;
export type TransitionActor = (typeof TRANSITION_ACTORS)[number];

/** A requester may reopen a solved ticket for this long after it was solved. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;

const STAFF: readonly TransitionActor[] = ['staff'];
const STAFF_OR_REQUESTER: readonly TransitionActor[] = ['staff', 'requester'];

/**
 * The whole lifecycle: new → open → pending → on_hold → solved → closed, plus rejected for a
 * ticket the plan check refused. Closed is final. A rejected ticket stays rejected unless an agent
 * overrides the plan check by opening it. A requester only ever moves a ticket back to open: by
 * answering a pending question, or by reopening a solved ticket within the reopen window.
 */
export const TRANSITIONS: Readonly<Record<TicketStatus, Readonly<Partial<Record<TicketStatus, readonly TransitionActor[]>>>>> = {
  new: { open: STAFF, pending: STAFF, on_hold: STAFF, solved: STAFF, rejected: ['plan_check'] },
  open: { pending: STAFF, on_hold: STAFF, solved: STAFF },
  pending: { open: STAFF_OR_REQUESTER, on_hold: STAFF, solved: STAFF },
  on_hold: { open: STAFF, pending: STAFF, solved: STAFF },
  solved: { open: STAFF_OR_REQUESTER, closed: STAFF },
  closed: {},
  rejected: { open: STAFF },
};

export interface TransitionContext {
  /** when the ticket was last solved; the requester's reopen window runs from here */
  solvedAt: Date | null;
  now: Date;
}

export type TransitionRefusal = 'unchanged' | 'closed_final' | 'not_allowed' | 'reopen_window_passed';

export type TransitionVerdict = { allowed: true } | { allowed: false; refusal: TransitionRefusal; allowedTargets: TicketStatus[] };

/** The statuses this actor may move a ticket to from `from`, in lifecycle order. */
export function allowedTargets(from: TicketStatus, actor: TransitionActor, context: TransitionContext): TicketStatus[] {
  return TICKET_STATUSES.filter((to) => permits(from, to, actor) && !reopenWindowPassed(from, to, actor, context));
}

export function decideTransition(
  from: TicketStatus,
  to: TicketStatus,
  actor: TransitionActor,
  context: TransitionContext,
): TransitionVerdict {
  const targets = allowedTargets(from, actor, context);
  if (targets.includes(to)) return { allowed: true };
  const refusal: TransitionRefusal =
    from === to
      ? 'unchanged'
      : from === 'closed'
        ? 'closed_final'
        : permits(from, to, actor) && reopenWindowPassed(from, to, actor, context)
          ? 'reopen_window_passed'
          : 'not_allowed';
  return { allowed: false, refusal, allowedTargets: targets };
}

/** The last moment a requester may still reopen a ticket solved at `solvedAt`. */
export function reopenDeadline(solvedAt: Date): Date {
  return new Date(solvedAt.getTime() + REOPEN_WINDOW_MS);
}

function permits(from: TicketStatus, to: TicketStatus, actor: TransitionActor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

function reopenWindowPassed(from: TicketStatus, to: TicketStatus, actor: TransitionActor, context: TransitionContext): boolean {
  if (from !== 'solved' || to !== 'open' || actor !== 'requester') return false;
  // a solved ticket without a solve time predates the window rule: treat it as expired, not open forever
  if (!context.solvedAt) return true;
  return context.now.getTime() > reopenDeadline(context.solvedAt).getTime();
}
