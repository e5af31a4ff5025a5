import type { TransformFnParams } from 'class-transformer';
import { codePoints, distinctEmails, normaliseMeetingId, occurrenceProblem, utf8Bytes } from '@support/domain-ticketing';
import { isoInstantProblem } from '@support/platform';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The HTTP face of the form rules (@support/domain-ticketing): transforms and validation decorators over them. */

/**
 * JSON a ticket or comment form may take: a 64 KiB text can take six times its size as JSON
 * (\uXXXX escapes), so the platform's default body limit would refuse a valid form.
 */
export const FORM_JSON_BODY_LIMIT = 512 * 1024;

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
        validate: (value) => isIsoInstant(value) && occurrenceProblem(new Date(value), new Date()) === null,
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (!isIsoInstant(value)) return `${args?.property} ${isoInstantProblem(value, { allowDate: true })}`;
          return `${args?.property} ${occurrenceProblem(new Date(value), new Date())}`;
        },
      },
    },
    options,
  );
}
