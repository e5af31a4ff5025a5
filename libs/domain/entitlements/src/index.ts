export {
  ACCOUNT_ROLES,
  ACCOUNT_STATUSES,
  PLAN_CODES,
  PLAN_NAMES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  isAccountRole,
  isPlanCode,
  isTicketChannel,
  isTicketPriority,
  type AccountRole,
  type AccountStatus,
  type PlanCode,
  type TicketChannel,
  type TicketPriority,
} from './vocabulary';
export {
  DEFAULT_SLA_TARGETS,
  DEFAULT_TICKET_POLICY_MODE,
  PlanConfigurationError,
  SELF_SERVICE_ONLY,
  TICKET_POLICY_MODES,
  defaultPlans,
  nextPlanVersion,
  validatePlanDefinition,
  type PlanDefinition,
  type RoleChannels,
  type TicketPolicyMode,
} from './plan-definition';
export { DECISION_REASONS, type CustomerAccount, type DecisionReason, type EntitlementStatus, type PlanCatalog } from './support-standing';
export { decideTicketEntitlement, describeDecision, type PlanDecision, type TicketEntitlementInput } from './plan-decision';
export { supportOptions, type SupportOptions, type SupportOptionsInput } from './support-options';
export { defaultHotlines, validateHotline, type HotlineNumber } from './hotline-directory';
export { describeSlaDuration, isSlaDuration } from './sla-duration';
