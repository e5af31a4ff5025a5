import type { TicketStatus } from '@support/contracts';
import type { PlanDecision } from '@support/domain-entitlements';

/** A ticket in one of these is finished: a plan change no longer concerns it. */
export const FINISHED_TICKET_STATUSES: readonly TicketStatus[] = ['solved', 'closed', 'rejected'];

export type RecordedOutcome = Pick<PlanDecision, 'status' | 'reason' | 'slaTargets'>;

/**
 * What the requester and the SLA service act on: the status, its reason (the requester's
 * message), and the deadlines (the SLA service re-times a running clock to new targets). A
 * re-decision that lands on the same outcome, say Pro to Business for an owner, is not announced.
 */
export function sameOutcome(previous: RecordedOutcome, next: RecordedOutcome): boolean {
  return previous.status === next.status && previous.reason === next.reason && sameTargets(previous.slaTargets, next.slaTargets);
}

function sameTargets(a: RecordedOutcome['slaTargets'], b: RecordedOutcome['slaTargets']): boolean {
  if (a === null || b === null) return a === b;
  return (
    (Object.keys(a) as Array<keyof typeof a>).length === Object.keys(b).length &&
    (Object.keys(a) as Array<keyof typeof a>).every((p) => a[p] === b[p])
  );
}
