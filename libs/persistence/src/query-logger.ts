import type { Logger } from 'typeorm';
import { isExpectedRaceError } from './errors';

/** Statements are cut in log lines: a multi-row insert can run to megabytes. */
export const MAX_LOGGED_QUERY = 500;

export function shortenedQuery(query: string): string {
  return query.length > MAX_LOGGED_QUERY ? `${query.slice(0, MAX_LOGGED_QUERY)}… (${query.length} chars)` : query;
}

/**
 * TypeORM's lines for data sources outside a Nest app (migrations job, seed, tests, benchmarks),
 * one line each on stderr. TypeORM's own logger prints a failed statement with every parameter,
 * megabytes for a multi-row insert and personal data besides; this prints the statement cut
 * short, never the parameters, and an expected race (a duplicate key, a deadlock that is retried)
 * not at all: the code that meets it handles it, or reports it when it does not.
 */
export class CompactQueryLogger implements Logger {
  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  logQuery(): void {
    // statements that succeed are not logged here (a Nest app logs them at verbose)
  }

  logQueryError(error: string | Error, query: string): void {
    if (isExpectedRaceError(error)) return;
    this.write(`query failed: ${typeof error === 'string' ? error : error.message} (${shortenedQuery(query)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.write(`slow query (${time} ms): ${shortenedQuery(query)}`);
  }

  logSchemaBuild(): void {
    // schemas come from migrations, never from synchronisation outside throw-away databases
  }

  logMigration(message: string): void {
    this.write(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(String(message));
  }
}
