import { createHash } from 'node:crypto';
import { canonicalJson } from '../idempotency/request-fingerprint';

export const LIST_ORDERS = ['newest', 'oldest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

/**
 * Where a page of tickets ended. Pages are cut by id (UUIDv7, time-ordered), never by offset: a
 * ticket filed while someone pages sorts before the first page (newest first) or after the last
 * (oldest first), so no ticket shows twice and none already there is skipped.
 */
export interface ListPosition {
  /** id of the last ticket of the previous page */
  after: string;
  order: ListOrder;
  /** fingerprint of the filters the cursor was issued for */
  filters: string;
}

export class CursorError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function filterFingerprint(filters: object): string {
  return createHash('sha256').update(canonicalJson(filters)).digest('base64url').slice(0, 16);
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, a: position.after, o: position.order, f: position.filters })).toString('base64url');
}

/** Reads a cursor back, refusing one that was altered or issued for another order or other filters. */
export function decodeCursor(cursor: string, expected: { order: ListOrder; filters: string }): string {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw new CursorError('is not a cursor returned by this list');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('is not a cursor returned by this list');
  }
  const position = parsed as { v?: unknown; a?: unknown; o?: unknown; f?: unknown };
  if (position?.v !== 1 || typeof position.a !== 'string' || !UUID.test(position.a)) {
    throw new CursorError('is not a cursor returned by this list');
  }
  if (position.o !== expected.order) throw new CursorError(`was issued for order=${String(position.o)}, not order=${expected.order}`);
  if (position.f !== expected.filters) throw new CursorError('was issued for other filters; start again without a cursor');
  return position.a;
}
