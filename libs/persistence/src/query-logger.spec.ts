import { isExpectedRaceError, raceSummary } from './errors';
import { CompactQueryLogger, MAX_LOGGED_QUERY } from './query-logger';

const duplicate = Object.assign(new Error("Duplicate entry 'k-1' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY' });
const deadlock = { message: 'Deadlock found', driverError: { code: 'ER_LOCK_DEADLOCK' } };
const badColumn = Object.assign(new Error("Column 'target_source' cannot be null"), { code: 'ER_BAD_NULL_ERROR' });

describe('query logging keeps expected races quiet and reports the rest without parameters', () => {
  it('knows the races concurrent writers meet by design', () => {
    expect(isExpectedRaceError(duplicate)).toBe(true);
    expect(isExpectedRaceError(deadlock)).toBe(true);
    expect(isExpectedRaceError(badColumn)).toBe(false);
    expect(isExpectedRaceError('a string')).toBe(false);
    expect(raceSummary(duplicate, 'INSERT INTO idempotency_key\n  (id, request_hash) VALUES (?, ?)')).toBe(
      'ER_DUP_ENTRY on "INSERT INTO idempotency_key (id, request_hash) VALUES (?, ?)"',
    );
  });

  it('prints nothing for an expected race, one cut-short line for anything else, never the parameters', () => {
    const lines: string[] = [];
    const logger = new CompactQueryLogger((line) => lines.push(line));
    logger.logQueryError(duplicate, 'INSERT INTO idempotency_key (id) VALUES (?)');
    expect(lines).toEqual([]);
    const longInsert = `INSERT INTO sla_clock (id, target_source) VALUES ${'(?, ?), '.repeat(500)}(?, ?)`;
    logger.logQueryError(badColumn, longInsert);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("query failed: Column 'target_source' cannot be null");
    expect(lines[0]).toContain(`(${longInsert.length} chars)`);
    expect(lines[0].length).toBeLessThan(MAX_LOGGED_QUERY + 120);
  });
});
