import type { SlaClockRecord } from './sla-clock.entity';

/** `sla_clock` columns in the order of the upsert, and the record field each comes from. */
const CLOCK_COLUMNS: ReadonlyArray<[column: string, field: keyof SlaClockRecord]> = [
  ['id', 'id'],
  ['ticket_id', 'ticketId'],
  ['metric', 'metric'],
  ['cycle', 'cycle'],
  ['priority', 'priority'],
  ['policy_id', 'policyId'],
  ['policy_version', 'policyVersion'],
  ['account_id', 'accountId'],
  ['plan', 'plan'],
  ['target_ms', 'targetMs'],
  ['target_source', 'targetSource'],
  ['clock_state', 'clockState'],
  ['state', 'state'],
  ['started_at', 'startedAt'],
  ['due_at', 'dueAt'],
  ['warning_at', 'warningAt'],
  ['warned_at', 'warnedAt'],
  ['stopped_at', 'stoppedAt'],
  ['breached_at', 'breachedAt'],
  ['outcome', 'outcome'],
  ['stop_reason', 'stopReason'],
  ['elapsed_ms', 'elapsedMs'],
  ['escalation_level', 'escalationLevel'],
  ['correlation_id', 'correlationId'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['version', 'version'],
];

/**
 * Columns fixed when a clock starts (`ClockOperations.start` gives it a new id): its key, ticket,
 * metric and cycle, the policy version, account and plan it started under, the flow its events
 * belong to, and its creation time. Every later write leaves them as they are.
 */
const SET_AT_START: ReadonlySet<string> = new Set([
  'id',
  'ticket_id',
  'metric',
  'cycle',
  'policy_id',
  'policy_version',
  'account_id',
  'plan',
  'correlation_id',
  'created_at',
]);

/**
 * The multi-row upsert of clocks (parameter: rows of `clockUpsertRow`). A new clock is inserted
 * whole; a later write sets only what a change can move (the domain clock's columns, the target's
 * owner, `updated_at`) and bumps the version.
 */
export const CLOCK_UPSERT =
  `INSERT INTO sla_clock (${CLOCK_COLUMNS.map(([column]) => column).join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ` +
  CLOCK_COLUMNS.filter(([column]) => !SET_AT_START.has(column) && column !== 'version')
    .map(([column]) => `${column} = VALUES(${column})`)
    .concat('version = version + 1')
    .join(', ');

/** A clock's row of the upsert's values, its state column from `stateJson` (the serialised clock). */
export function clockUpsertRow(record: SlaClockRecord, stateJson: string): unknown[] {
  // a loop, not a closure made per row (CONTRIBUTING.md, "Hot paths")
  const row: unknown[] = [];
  for (const [column, field] of CLOCK_COLUMNS) row.push(column === 'state' ? stateJson : columnValue(column, record[field]));
  return row;
}

function columnValue(column: string, value: unknown): unknown {
  if (column === 'version') return ((value as number | undefined) ?? 0) + 1;
  return value ?? null;
}
