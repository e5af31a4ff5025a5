/**
 * When a stuck ticket's created event is published again. The first re-drive comes once the
 * ticket has waited `afterMs` for its decision (or its clock); each later one waits twice as
 * long as the one before (after, 2×after, 4×after, ...), and after `maxAttempts` the ticket is
 * left to an operator, who sees it in GET /v1/admin/consistency.
 */
export interface RedriveSchedule {
  afterMs: number;
  maxAttempts: number;
}

/** The earliest time of the re-drive after attempt number `attempts` (1 = the first re-drive). */
export function nextRedriveAt(schedule: RedriveSchedule, attempts: number, redrivenAt: Date): Date | null {
  if (attempts >= schedule.maxAttempts) return null;
  return new Date(redrivenAt.getTime() + schedule.afterMs * 2 ** attempts);
}

/** How long, in all, a ticket may stay stuck before its last re-drive: after × (2^max − 1). */
export function lastRedriveAfterMs(schedule: RedriveSchedule): number {
  return schedule.afterMs * (2 ** schedule.maxAttempts - 1);
}
