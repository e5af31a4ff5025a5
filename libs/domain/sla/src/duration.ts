const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
// A day in an SLA target is 24 hours of working time, never a calendar day: on a
// business-hours calendar "P1D" therefore spans several calendar days, which is the point.
const MS_PER_DAY = 24 * MS_PER_HOUR;

// Only designators with a fixed length are accepted: years and months vary in length, weeks
// are left out because the public contract names days, hours, minutes and seconds only.
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export class InvalidDurationError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`"${text}" is not a supported duration: ${reason}`);
    this.name = 'InvalidDurationError';
  }
}

/**
 * Parses an ISO-8601 duration made of days, hours, minutes and whole seconds
 * (`PT1H`, `PT30S`, `P1DT2H`) into milliseconds. Targets must be strictly positive.
 */
export function parseIsoDuration(text: string): number {
  if (typeof text !== 'string') {
    throw new InvalidDurationError(String(text), 'expected a string such as PT1H');
  }
  const match = ISO_DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) {
    throw new InvalidDurationError(text, explainRejection(text));
  }
  const [, days, hours, minutes, seconds] = match;
  const ms =
    toNumber(days) * MS_PER_DAY + toNumber(hours) * MS_PER_HOUR + toNumber(minutes) * MS_PER_MINUTE + toNumber(seconds) * MS_PER_SECOND;
  if (!Number.isSafeInteger(ms)) {
    throw new InvalidDurationError(text, 'it is too long');
  }
  if (ms <= 0) {
    throw new InvalidDurationError(text, 'it must be longer than zero');
  }
  return ms;
}

/**
 * Formats milliseconds as an ISO-8601 duration in hours, minutes and seconds
 * (`3600000` → `PT1H`, `86400000` → `PT24H`). Days are never emitted because readers of SLA
 * targets think in hours ("24 hours", not "1 day"). Sub-second remainders are written as
 * fractional seconds so that nothing is lost; zero is `PT0S`.
 */
export function formatIsoDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new InvalidDurationError(String(ms), 'expected a whole, non-negative number of milliseconds');
  }
  if (ms === 0) {
    return 'PT0S';
  }
  const hours = Math.floor(ms / MS_PER_HOUR);
  const minutes = Math.floor((ms % MS_PER_HOUR) / MS_PER_MINUTE);
  const restMs = ms % MS_PER_MINUTE;
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (restMs > 0) text += `${formatSeconds(restMs)}S`;
  return text;
}

function formatSeconds(ms: number): string {
  const whole = Math.floor(ms / MS_PER_SECOND);
  const fraction = ms % MS_PER_SECOND;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

function toNumber(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits);
}

function explainRejection(text: string): string {
  if (/^-/.test(text)) return 'negative durations are not allowed';
  if (/^P[^T]*\d+[YM]/.test(text)) {
    return 'years and months have no fixed length; use days, hours, minutes or seconds';
  }
  if (/^P[^T]*\d+W/.test(text)) return 'weeks are not supported; use days (P7D)';
  if (/[.,]\d/.test(text)) return 'fractions are not supported; use whole seconds';
  return 'expected an ISO-8601 duration of days, hours, minutes and seconds such as PT1H, PT30S or P1DT2H';
}
