import { createHash } from 'node:crypto';
import { ApiError } from '@support/platform';

/**
 * Opaque page cursors: the sort key of the last item a page showed, plus a fingerprint of the
 * query, so a cursor replayed against another query is refused instead of paging nonsense.
 */
export interface CursorPosition {
  /** fingerprint of the query the cursor belongs to */
  q: string;
  /** the last item's id and sort values */
  id: string;
  values: Array<number | string>;
}

const MAX_CURSOR_LENGTH = 1024;

export function queryFingerprint(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.q, position.id, ...position.values]), 'utf8').toString('base64url');
}

export function invalidCursor(reason: string): ApiError {
  return ApiError.badRequest('invalid_cursor', `cursor: ${reason}; start again without a cursor`);
}

/** The position a cursor names, checked against the query it is used with. */
export function decodeCursor(cursor: string, fingerprint: string, valueCount: number): CursorPosition {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor('is not a cursor this service issued');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('is not a cursor this service issued');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== valueCount + 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !parsed.slice(2).every((v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string')
  ) {
    throw invalidCursor('is not a cursor this service issued');
  }
  if (parsed[0] !== fingerprint) throw invalidCursor('belongs to a different query or filters');
  return { q: parsed[0], id: parsed[1], values: parsed.slice(2) as Array<number | string> };
}
