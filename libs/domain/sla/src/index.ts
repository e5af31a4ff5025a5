export { InvalidDurationError, formatIsoDuration, parseIsoDuration } from './duration';

export type {
  BusinessCalendar,
  BusinessHoursDefinition,
  CalendarDefinition,
  IsoWeekday,
  RoundTheClockDefinition,
  WeeklyInterval,
} from './calendar';
export {
  BusinessHoursCalendar,
  CalendarExhaustedError,
  InvalidCalendarError,
  RoundTheClockCalendar,
  createBusinessCalendar,
  roundTheClock,
  validateCalendar,
} from './calendar';

export type { EscalationLadder, SlaMetric, SlaPolicy, SlaPolicyInput, TicketPriority } from './policy';
export {
  DEFAULT_POLICY_ID,
  DEFAULT_WARNING_FRACTION,
  SLA_METRICS,
  TICKET_PRIORITIES,
  defaultSlaPolicy,
  pausesClock,
  slaPolicyWithDefaults,
  slaTargetMs,
  validateSlaPolicy,
} from './policy';

export type {
  RunningSegment,
  SlaClock,
  SlaClockState,
  SlaClockStep,
  SlaClockTerms,
  SlaOutcome,
  SlaTimer,
  SlaTransition,
  SlaTransitionKind,
  StartClockInput,
} from './clock';
export {
  dueTimers,
  elapsedWorkingTime,
  fireTimer,
  pauseClock,
  recordBreach,
  recordEscalation,
  recordWarning,
  resumeClock,
  retimeClock,
  startClock,
  stopClock,
} from './clock';

export type { PercentileMethod } from './percentile';
export { median, percentile } from './percentile';
