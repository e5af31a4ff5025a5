import { type CalendarDefinition, roundTheClock, validateCalendar } from './calendar';
import { InvalidDurationError, parseIsoDuration } from './duration';

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** Most pressing first, the order the desk works in. */
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low'];

export type SlaMetric = 'first_response' | 'next_reply' | 'resolution';

export const SLA_METRICS: readonly SlaMetric[] = ['first_response', 'next_reply', 'resolution'];

/**
 * Escalation levels after a breach. Level n is reached once a further
 * `afterBreachFractions[n - 1] × target` of working time has run past the deadline, so the
 * default `[0, 0.5]` escalates at the breach and again half a target later.
 */
export interface EscalationLadder {
  afterBreachFractions: number[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** ISO-8601 durations per metric and priority; a missing entry means no clock runs. */
  targets: Record<SlaMetric, Partial<Record<TicketPriority, string>>>;
  /** Fraction of the target after which a warning is raised, strictly between 0 and 1. */
  warningAt: number;
  escalation: EscalationLadder;
  /** Ticket statuses during which a metric's clock is paused. */
  pausedStatuses: Record<SlaMetric, string[]>;
  calendar: CalendarDefinition;
}

/** What an administrator may send: everything but the identity can fall back to the defaults. */
export interface SlaPolicyInput {
  id: string;
  name: string;
  targets?: Partial<Record<SlaMetric, Partial<Record<TicketPriority, string>>>>;
  warningAt?: number;
  escalation?: EscalationLadder;
  pausedStatuses?: Partial<Record<SlaMetric, string[]>>;
  calendar?: CalendarDefinition;
}

export const DEFAULT_WARNING_FRACTION = 0.75;
export const DEFAULT_POLICY_ID = 'default';

/**
 * The desk's published first-response deadlines: the clock runs 24/7, holidays included,
 * and nothing pauses it.
 */
export function defaultSlaPolicy(): SlaPolicy {
  return {
    id: DEFAULT_POLICY_ID,
    name: 'Standard first-response deadlines',
    targets: {
      first_response: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
      next_reply: {},
      resolution: {},
    },
    warningAt: DEFAULT_WARNING_FRACTION,
    escalation: { afterBreachFractions: [0, 0.5] },
    pausedStatuses: { first_response: [], next_reply: [], resolution: [] },
    calendar: roundTheClock(),
  };
}

/**
 * Fills what the input leaves out from the defaults. Targets given for some metrics replace
 * the default targets entirely, so a policy never silently inherits a deadline it did not name.
 */
export function slaPolicyWithDefaults(input: SlaPolicyInput): SlaPolicy {
  const defaults = defaultSlaPolicy();
  const targets = input.targets
    ? {
        first_response: { ...input.targets.first_response },
        next_reply: { ...input.targets.next_reply },
        resolution: { ...input.targets.resolution },
      }
    : defaults.targets;
  return {
    id: input.id,
    name: input.name,
    targets,
    warningAt: input.warningAt ?? defaults.warningAt,
    escalation: {
      afterBreachFractions: [...(input.escalation?.afterBreachFractions ?? defaults.escalation.afterBreachFractions)],
    },
    pausedStatuses: {
      first_response: [...(input.pausedStatuses?.first_response ?? [])],
      next_reply: [...(input.pausedStatuses?.next_reply ?? [])],
      resolution: [...(input.pausedStatuses?.resolution ?? [])],
    },
    calendar: input.calendar ?? defaults.calendar,
  };
}

/** The target in milliseconds, or null when the policy sets none for this metric and priority. */
export function slaTargetMs(policy: SlaPolicy, metric: SlaMetric, priority: TicketPriority): number | null {
  const target = policy.targets[metric]?.[priority];
  return target === undefined ? null : parseIsoDuration(target);
}

export function pausesClock(policy: SlaPolicy, metric: SlaMetric, status: string): boolean {
  return policy.pausedStatuses[metric]?.includes(status) ?? false;
}

/**
 * Problems with a policy, each starting with the field at fault, empty when the policy is
 * usable. Takes `unknown` because policies arrive as JSON from administrators.
 */
export function validateSlaPolicy(policy: unknown): string[] {
  if (!isRecord(policy)) {
    return ['policy: expected an object'];
  }
  return [
    ...validateName(policy.id, 'id'),
    ...validateName(policy.name, 'name'),
    ...validateTargets(policy.targets),
    ...validateWarningAt(policy.warningAt),
    ...validateEscalation(policy.escalation),
    ...validatePausedStatuses(policy.pausedStatuses),
    ...validateCalendar(policy.calendar, 'calendar'),
  ];
}

function validateName(value: unknown, field: string): string[] {
  return typeof value === 'string' && value.trim() !== '' ? [] : [`${field}: expected a non-empty string`];
}

function validateTargets(targets: unknown): string[] {
  if (!isRecord(targets)) {
    return ['targets: expected an object keyed by metric'];
  }
  const problems = unknownKeys(targets, SLA_METRICS, 'targets', 'metric');
  for (const metric of SLA_METRICS) {
    const byPriority = targets[metric];
    const field = `targets.${metric}`;
    if (!isRecord(byPriority)) {
      problems.push(`${field}: expected an object keyed by priority (use {} for no targets)`);
      continue;
    }
    problems.push(...unknownKeys(byPriority, TICKET_PRIORITIES, field, 'priority'));
    for (const priority of TICKET_PRIORITIES) {
      const target = byPriority[priority];
      if (target === undefined) continue;
      try {
        parseIsoDuration(target as string);
      } catch (error) {
        if (!(error instanceof InvalidDurationError)) throw error;
        problems.push(`${field}.${priority}: ${error.message}`);
      }
    }
  }
  return problems;
}

function validateWarningAt(warningAt: unknown): string[] {
  const valid = typeof warningAt === 'number' && warningAt > 0 && warningAt < 1;
  return valid ? [] : [`warningAt: ${shown(warningAt)} must be a fraction of the target strictly between 0 and 1`];
}

function validateEscalation(escalation: unknown): string[] {
  if (!isRecord(escalation) || !Array.isArray(escalation.afterBreachFractions)) {
    return ['escalation.afterBreachFractions: expected a list of fractions of the target, such as [0, 0.5]'];
  }
  const problems: string[] = [];
  const fractions: unknown[] = escalation.afterBreachFractions;
  fractions.forEach((fraction, index) => {
    const field = `escalation.afterBreachFractions[${index}]`;
    if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction < 0) {
      problems.push(`${field}: ${shown(fraction)} must be a number of at least 0`);
      return;
    }
    const previous = fractions[index - 1];
    if (index > 0 && typeof previous === 'number' && fraction <= previous) {
      problems.push(`${field}: ${fraction} must be greater than the previous level's ${previous}`);
    }
  });
  return problems;
}

function validatePausedStatuses(pausedStatuses: unknown): string[] {
  if (!isRecord(pausedStatuses)) {
    return ['pausedStatuses: expected an object keyed by metric'];
  }
  const problems = unknownKeys(pausedStatuses, SLA_METRICS, 'pausedStatuses', 'metric');
  for (const metric of SLA_METRICS) {
    const statuses = pausedStatuses[metric];
    const field = `pausedStatuses.${metric}`;
    if (!Array.isArray(statuses)) {
      problems.push(`${field}: expected a list of ticket statuses (use [] for none)`);
      continue;
    }
    statuses.forEach((status: unknown, index) => {
      if (typeof status !== 'string' || status.trim() === '') {
        problems.push(`${field}[${index}]: expected a non-empty status name`);
      }
    });
  }
  return problems;
}

function unknownKeys(record: Record<string, unknown>, known: readonly string[], field: string, noun: string): string[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => `${field}.${key}: unknown ${noun}; expected one of ${known.join(', ')}`);
}

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(JSON.stringify(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
