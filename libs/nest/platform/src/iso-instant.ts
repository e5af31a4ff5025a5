import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Strict ISO-8601 instants for every date a client sends. `Date` rolls impossible dates over
 * (2026-02-30 becomes March 2nd) and class-validator's ISO check also takes week dates, ordinal
 * dates and times without an offset; none of that is what a caller meant, so each is refused
 * with the reason.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface IsoInstantOptions {
  /** also accept a calendar date alone (YYYY-MM-DD), meaning its midnight UTC */
  allowDate?: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDateProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days, not ${day}`;
  return null;
}

/** Why `value` is not an instant this API accepts, or null when it is one. */
export function isoInstantProblem(value: unknown, options: IsoInstantOptions = {}): string | null {
  const example = options.allowDate ? '2026-11-21 or 2026-11-21T10:00:00Z' : '2026-11-21T10:00:00Z';
  if (typeof value !== 'string') return `must be an ISO-8601 ${options.allowDate ? 'date or ' : ''}date-time string such as ${example}`;
  const dateOnly = options.allowDate ? DATE_ONLY.exec(value) : null;
  if (dateOnly) {
    return calendarDateProblem(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  }
  const match = DATE_TIME.exec(value);
  if (!match) {
    return `must be an ISO-8601 ${options.allowDate ? 'date, or a ' : ''}date-time with an offset (Z or ±hh:mm), such as ${example}`;
  }
  const [, year, month, day, hour, minute, second, , offset, offsetHours, offsetMinutes] = match;
  const dateProblem = calendarDateProblem(Number(year), Number(month), Number(day));
  if (dateProblem) return `is not a calendar date: ${dateProblem}`;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)
    return `is not a time of day: ${hour}:${minute}${second ? `:${second}` : ''}`;
  if (offset !== 'Z' && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)) return `has no such UTC offset: ${offset}`;
  if (Number.isNaN(new Date(value).getTime())) return `must be an ISO-8601 date-time such as ${example}`;
  return null;
}

export function isIsoInstant(value: unknown, options: IsoInstantOptions = {}): value is string {
  return isoInstantProblem(value, options) === null;
}

/** A strict ISO-8601 instant (a real calendar date and time of day, with its offset). */
export function IsIsoInstant(options: IsoInstantOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value, options),
        defaultMessage: (args) => `${args?.property} ${isoInstantProblem(args?.value, options) ?? 'must be an ISO-8601 instant'}`,
      },
    },
    validationOptions,
  );
}
