/** MySQL error codes that mean "try again later", not "this input is wrong". */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_QUERY_INTERRUPTED',
  'POOL_CLOSED', 'ER_CONNECTION_KILLED',
]);

export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.code
    ?? (error as { driverError?: { code?: string } })?.driverError?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === 'ER_DUP_ENTRY' || e?.driverError?.code === 'ER_DUP_ENTRY';
}
