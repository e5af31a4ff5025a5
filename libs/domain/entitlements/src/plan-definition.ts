import { isSlaDuration } from './sla-duration';
import {
  ACCOUNT_ROLES,
  PLAN_CODES,
  PLAN_NAMES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  isAccountRole,
  isPlanCode,
  isTicketChannel,
  isTicketPriority,
  type AccountRole,
  type PlanCode,
  type TicketChannel,
  type TicketPriority,
} from './vocabulary';

/** What one role inside an account may use to reach support. */
export interface RoleChannels {
  selfService: boolean;
  ticket: TicketChannel;
  chat: boolean;
  phone: boolean;
}

export interface PlanDefinition {
  code: PlanCode;
  name: string;
  version: number;
  paid: boolean;
  roles: Record<AccountRole, RoleChannels>;
  /** First-response targets as ISO-8601 durations; null when the plan commits to none. */
  slaTargets: Record<TicketPriority, string> | null;
  /** Queue order across plans: higher is served first. */
  servicePriority: number;
}

/**
 * Who may file a ticket. The two source documents disagree, so both are configurable:
 * - 'paid_admins_only' (French source, the default): free accounts and end users of any
 *   account have online resources only; owners and admins of paid plans file tickets.
 * - 'all_registered' (Russian source): every registered user may file; paid subscriptions get
 *   priority and a deadline, the others are answered "over time" (best effort).
 */
export const TICKET_POLICY_MODES = ['paid_admins_only', 'all_registered'] as const;
export type TicketPolicyMode = (typeof TICKET_POLICY_MODES)[number];
export const DEFAULT_TICKET_POLICY_MODE: TicketPolicyMode = 'paid_admins_only';

/** The channels everyone has, whatever the account: the help center is public. */
export const SELF_SERVICE_ONLY: Readonly<RoleChannels> = Object.freeze({
  selfService: true,
  ticket: 'none',
  chat: false,
  phone: false,
});

export const DEFAULT_SLA_TARGETS: Readonly<Record<TicketPriority, string>> = Object.freeze({
  low: 'PT24H',
  normal: 'PT24H',
  high: 'PT4H',
  urgent: 'PT1H',
});

const PAID_SERVICE_PRIORITY = 1;
const UNPAID_SERVICE_PRIORITY = 0;

/** Pro stops at web chat; the larger plans add the phone hotlines. */
const ADMIN_PHONE_PLANS: ReadonlySet<PlanCode> = new Set(['business', 'education', 'enterprise', 'api']);

export function defaultPlans(mode: TicketPolicyMode = DEFAULT_TICKET_POLICY_MODE): PlanDefinition[] {
  const unentitledTicket: TicketChannel = mode === 'all_registered' ? 'best_effort' : 'none';
  const unentitled = (): RoleChannels => ({ ...SELF_SERVICE_ONLY, ticket: unentitledTicket });

  return PLAN_CODES.map((code): PlanDefinition => {
    const paid = code !== 'free';
    const admin = (): RoleChannels =>
      paid ? { selfService: true, ticket: 'sla', chat: true, phone: ADMIN_PHONE_PLANS.has(code) } : unentitled();
    return {
      code,
      name: PLAN_NAMES[code],
      version: 1,
      paid,
      roles: { owner: admin(), admin: admin(), member: unentitled() },
      slaTargets: paid ? { ...DEFAULT_SLA_TARGETS } : null,
      servicePriority: paid ? PAID_SERVICE_PRIORITY : UNPAID_SERVICE_PRIORITY,
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function validateRoleChannels(path: string, value: unknown): string[] {
  if (!isRecord(value)) return [`${path}: must be an object with selfService, ticket, chat and phone`];
  const problems: string[] = [];
  if (value.selfService !== true) {
    problems.push(`${path}.selfService: must be true, the help center is open to everyone (got ${show(value.selfService)})`);
  }
  if (!isTicketChannel(value.ticket)) {
    problems.push(`${path}.ticket: must be one of ${TICKET_CHANNELS.join(', ')} (got ${show(value.ticket)})`);
  }
  for (const flag of ['chat', 'phone'] as const) {
    if (typeof value[flag] !== 'boolean') problems.push(`${path}.${flag}: must be true or false (got ${show(value[flag])})`);
  }
  for (const key of Object.keys(value)) {
    if (!['selfService', 'ticket', 'chat', 'phone'].includes(key)) problems.push(`${path}.${key}: unknown channel`);
  }
  return problems;
}

function validateSlaTargets(value: unknown): string[] {
  if (value === null) return [];
  if (!isRecord(value)) return [`slaTargets: must be null or an object with ${TICKET_PRIORITIES.join(', ')}`];
  const problems: string[] = [];
  for (const priority of TICKET_PRIORITIES) {
    const target = value[priority];
    if (target === undefined) problems.push(`slaTargets.${priority}: missing`);
    else if (!isSlaDuration(target)) {
      problems.push(
        `slaTargets.${priority}: ${show(target)} is not a non-zero ISO-8601 duration of whole days, hours, minutes or seconds such as PT1H`,
      );
    }
  }
  for (const key of Object.keys(value)) {
    if (!isTicketPriority(key)) problems.push(`slaTargets.${key}: unknown priority, expected one of ${TICKET_PRIORITIES.join(', ')}`);
  }
  return problems;
}

/**
 * Every problem with a plan definition as received from an administrator, each naming its
 * field; empty when the definition is usable.
 */
export function validatePlanDefinition(plan: unknown): string[] {
  if (!isRecord(plan)) return ['plan: must be an object'];
  const problems: string[] = [];

  if (!isPlanCode(plan.code)) problems.push(`code: must be one of ${PLAN_CODES.join(', ')} (got ${show(plan.code)})`);
  if (typeof plan.name !== 'string' || plan.name.trim() === '') problems.push('name: must be a non-empty string');
  if (!Number.isInteger(plan.version) || (plan.version as number) < 1) {
    problems.push(`version: must be a whole number from 1 (got ${show(plan.version)})`);
  }
  if (typeof plan.paid !== 'boolean') problems.push(`paid: must be true or false (got ${show(plan.paid)})`);
  if (!Number.isInteger(plan.servicePriority) || (plan.servicePriority as number) < 0) {
    problems.push(`servicePriority: must be a whole number from 0 (got ${show(plan.servicePriority)})`);
  }

  problems.push(...validateSlaTargets(plan.slaTargets));

  if (!isRecord(plan.roles)) {
    problems.push(`roles: must be an object with ${ACCOUNT_ROLES.join(', ')}`);
    return problems;
  }
  for (const role of ACCOUNT_ROLES) {
    const channels = plan.roles[role];
    if (channels === undefined) {
      problems.push(`roles.${role}: missing`);
      continue;
    }
    problems.push(...validateRoleChannels(`roles.${role}`, channels));
    // A committed deadline needs a target to count from; without one the SLA clock cannot start.
    if (isRecord(channels) && channels.ticket === 'sla' && plan.slaTargets === null) {
      problems.push(`roles.${role}.ticket: 'sla' needs slaTargets, which are null`);
    }
  }
  for (const key of Object.keys(plan.roles)) {
    if (!isAccountRole(key)) problems.push(`roles.${key}: unknown role, expected one of ${ACCOUNT_ROLES.join(', ')}`);
  }
  return problems;
}

function sameChannels(a: RoleChannels, b: RoleChannels): boolean {
  return a.selfService === b.selfService && a.ticket === b.ticket && a.chat === b.chat && a.phone === b.phone;
}

function sameTargets(a: PlanDefinition['slaTargets'], b: PlanDefinition['slaTargets']): boolean {
  if (a === null || b === null) return a === b;
  return TICKET_PRIORITIES.every((priority) => a[priority] === b[priority]);
}

function copyPlan(plan: PlanDefinition, code: PlanCode, version: number): PlanDefinition {
  return {
    code,
    name: plan.name,
    version,
    paid: plan.paid,
    roles: {
      owner: { ...plan.roles.owner },
      admin: { ...plan.roles.admin },
      member: { ...plan.roles.member },
    },
    slaTargets: plan.slaTargets === null ? null : { ...plan.slaTargets },
    servicePriority: plan.servicePriority,
  };
}

/**
 * The definition to store when `changed` replaces `current`. Decisions record the version they
 * were made under, so any change must bump it, and re-saving an identical plan must not.
 * The version carried by `changed` is ignored: the stored one is the only authority.
 */
export function nextPlanVersion(current: PlanDefinition, changed: PlanDefinition): PlanDefinition {
  if (changed.code !== current.code) {
    throw new PlanConfigurationError(current.code, `a new version of plan '${current.code}' cannot carry code '${changed.code}'`);
  }
  const identical =
    current.name === changed.name &&
    current.paid === changed.paid &&
    current.servicePriority === changed.servicePriority &&
    ACCOUNT_ROLES.every((role) => sameChannels(current.roles[role], changed.roles[role])) &&
    sameTargets(current.slaTargets, changed.slaTargets);
  return copyPlan(changed, current.code, identical ? current.version : current.version + 1);
}

/** A plan catalogue that cannot answer for a plan, or answers with an unusable definition. */
export class PlanConfigurationError extends Error {
  override readonly name = 'PlanConfigurationError';

  constructor(
    readonly planCode: string,
    message: string,
  ) {
    super(message);
  }
}
