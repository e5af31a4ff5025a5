import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

/** Statements are cut in log lines: a multi-row insert can run to megabytes. */
const MAX_QUERY = 500;

function shortened(query: string): string {
  return query.length > MAX_QUERY ? `${query.slice(0, MAX_QUERY)}… (${query.length} chars)` : query;
}

/**
 * TypeORM's lines through Nest's logger, so they are JSON with the service, version and ids like
 * every other line. Parameters are never logged (they carry ticket text and people's ids). A
 * failed statement is a warning: deadlocks and lock-wait timeouts are retried, and a failure that
 * stays is reported by the code that meets it.
 */
export class TypeOrmNestLogger implements TypeOrmLoggerContract {
  private readonly logger = new Logger('TypeORM');

  logQuery(query: string): void {
    this.logger.verbose(shortened(query));
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    this.logger.warn(`query failed: ${typeof error === 'string' ? error : error.message} (${shortened(query)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${shortened(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
