import { ApiError } from '@support/platform';

/**
 * ISO-8601 also has week and ordinal dates that class-validator accepts and `Date` does not
 * read; an instant that does not survive parsing is the caller's error, not a failed query.
 */
export function parseInstant(value: string, field: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw ApiError.badRequest('invalid_instant', `${field}: "${value}" is not a calendar date and time such as 2026-11-21T10:00:00.000Z`);
  }
  return instant;
}
