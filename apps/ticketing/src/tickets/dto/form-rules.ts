import type { TransformFnParams } from 'class-transformer';
import { isoInstantProblem } from '@support/platform';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Form rules shared by the ticket and comment bodies; plain functions first, decorators over them. */

export const MAX_TEXT_BYTES = 64 * 1024;
export const MAX_CC_EMAILS = 20;
/**
 * JSON a ticket or comment form may take: a 64 KiB text can take six times its size as JSON
 * (\uXXXX escapes), so the platform's default body limit would refuse a valid form.
 */
export const FORM_JSON_BODY_LIMIT = 512 * 1024;
/** clocks of browsers and servers disagree a little; "in the future" means beyond this */
export const FUTURE_TOLERANCE_MS = 60_000;
const EARLIEST_OCCURRENCE = Date.UTC(1970, 0, 1);


export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Characters as people and MySQL count them (code points), not UTF-16 units. */
export function codePoints(value: string): number {
  return [...value].length;
}

export function normaliseMeetingId(value: string): string {
  return value.trim().replace(/[ -]/g, '');
}

/** Keeps the first spelling of each address, comparing without regard to case. */
export function distinctEmails(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  const kept: unknown[] = [];
  for (const value of values) {
    const address = typeof value === 'string' ? value.trim() : value;
    if (typeof address === 'string') {
      const folded = address.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
    }
    kept.push(address);
  }
  return kept;
}

/**
 * A calendar date, or a date-time that says its offset ("10:00" alone would mean a different
 * instant in every zone); impossible dates such as 2026-02-30 are refused, not rolled over.
 */
export function isIsoInstant(value: unknown): value is string {
  return isoInstantProblem(value, { allowDate: true }) === null;
}

export const trimmed = ({ value }: TransformFnParams) => (typeof value === 'string' ? value.trim() : value);
export const meetingIdDigits = ({ value }: TransformFnParams) => (typeof value === 'string' ? normaliseMeetingId(value) : value);
export const withoutDuplicateEmails = ({ value }: TransformFnParams) => (Array.isArray(value) ? distinctEmails(value) : value);

export function CodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'codePointLength',
      validator: {
        validate: (value) => typeof value === 'string' && codePoints(value) >= min && codePoints(value) <= max,
        defaultMessage: (args) => `${args?.property} must be ${min} to ${max} characters long`,
      },
    },
    options,
  );
}

export function MaxUtf8Bytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxUtf8Bytes',
      validator: {
        validate: (value) => typeof value === 'string' && utf8Bytes(value) <= max,
        defaultMessage: (args) => `${args?.property} must be at most ${max} bytes (${max / 1024} KiB) of UTF-8 text`,
      },
    },
    options,
  );
}

export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: (args) => `${args?.property} must not be empty`,
      },
    },
    options,
  );
}

/** An ISO-8601 date or offset date-time, not in the future and not before 1970. */
export function IsPastInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPastInstant',
      validator: {
        validate: (value) => {
          if (!isIsoInstant(value)) return false;
          const at = new Date(value).getTime();
          return at >= EARLIEST_OCCURRENCE && at <= Date.now() + FUTURE_TOLERANCE_MS;
        },
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (!isIsoInstant(value)) return `${args?.property} ${isoInstantProblem(value, { allowDate: true })}`;
          return new Date(value).getTime() < EARLIEST_OCCURRENCE
            ? `${args?.property} must not be before 1970`
            : `${args?.property} must not be in the future`;
        },
      },
    },
    options,
  );
}
