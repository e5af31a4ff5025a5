/** MySQL error codes that mean "try again later", not "this input is wrong". */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
  'POOL_CLOSED',
  'ER_CONNECTION_KILLED',
]);

export function isTransientDatabaseError(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.code ??
    (error as { driverError?: { code?: string } })?.driverError?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === 'ER_DUP_ENTRY' || e?.driverError?.code === 'ER_DUP_ENTRY';
}

/**
 * Failures that concurrent writers meet by design and the code that meets them handles: a
 * unique key another request claimed first (idempotency keys, first sight of a row), a deadlock
 * or lock-wait timeout that is retried. Query loggers keep these to one short line; anything
 * else is reported in full.
 */
export function isExpectedRaceError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** The error's code and the statement's first words: enough to tell which race it was. */
export function raceSummary(error: unknown, query: string): string {
  const e = error as { code?: string; driverError?: { code?: string } };
  const firstWords = query.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${e?.code ?? e?.driverError?.code} on "${firstWords}${query.length > 80 ? '…' : ''}"`;
}
