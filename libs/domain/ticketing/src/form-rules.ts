/**
 * The rules of the ticket and comment forms, as plain functions and limits: what is stored is
 * what was checked (a trimmed subject, distinct CC addresses, meeting ID digits). The HTTP
 * validation decorators of the ticketing app are built over these.
 */

/** A subject is one line of at most this many characters (code points, as MySQL counts them). */
export const MAX_SUBJECT_CHARACTERS = 255;
/** A description or reply: at most 64 KiB of UTF-8. */
export const MAX_TEXT_BYTES = 64 * 1024;
export const MAX_CC_EMAILS = 20;
/** Why a status changes, as the status history shows it. */
export const MAX_REASON_CHARACTERS = 1000;
/** A meeting ID as stored: its digits alone. */
export const MEETING_ID_DIGITS = /^\d{9,11}$/;
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

/** A meeting ID as people write it ("123 456-789") down to its digits. */
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

/** Why a problem cannot have happened at `at` (before 1970, or after `now`), or null when it can. */
export function occurrenceProblem(at: Date, now: Date): string | null {
  if (at.getTime() < EARLIEST_OCCURRENCE) return 'must not be before 1970';
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'must not be in the future';
  return null;
}
