import type { EntitlementCheckedV1, SlaTargetSource } from '@support/contracts';
import {
  InvalidDurationError,
  parseIsoDuration,
  slaTargetMs,
  TICKET_PRIORITIES,
  type SlaMetric,
  type SlaPolicy,
  type TicketPriority,
} from '@support/domain-sla';
import { UnprocessableEventError } from '@support/messaging';
import type { SlaTicketRecord } from './sla-ticket.entity';

/** A clock's target and who set it. */
export interface ClockTarget {
  targetMs: number;
  source: SlaTargetSource;
}

/**
 * One owner per number (docs/adr/0003): a first-response target is the customer's plan's (the
 * decision's targets per priority); the policy's first_response target is only the fallback for
 * a decision that carries none. Every other metric is the policy's alone. Null means no clock runs.
 */
export function targetFor(metric: SlaMetric, priority: TicketPriority, ticket: SlaTicketRecord, policy: SlaPolicy): ClockTarget | null {
  if (metric === 'first_response') {
    const fromPlan = ticket.slaTargets?.[priority] ?? (priority === ticket.decisionPriority ? ticket.slaTarget : null);
    if (fromPlan) return { targetMs: parseIsoDuration(fromPlan), source: 'plan' };
  }
  const fromPolicy = slaTargetMs(policy, metric, priority);
  return fromPolicy === null ? null : { targetMs: fromPolicy, source: 'policy' };
}

/** Targets are parsed again on every later priority change, so a bad one is refused up front. */
export function checkDecisionTargets(decision: EntitlementCheckedV1): void {
  const named: Array<[string, unknown]> = [['slaTarget', decision.slaTarget]];
  for (const [priority, target] of Object.entries(decision.slaTargets ?? {})) {
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority)) {
      throw new UnprocessableEventError(`slaTargets.${priority}: not a ticket priority`);
    }
    named.push([`slaTargets.${priority}`, target]);
  }
  for (const [field, target] of named) {
    if (target === null || target === undefined) continue;
    try {
      parseIsoDuration(target as string);
    } catch (error) {
      if (error instanceof InvalidDurationError) throw new UnprocessableEventError(`${field}: ${error.message}`);
      throw error;
    }
  }
}
