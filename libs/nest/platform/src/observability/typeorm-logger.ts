import { Logger } from '@nestjs/common';
import { isExpectedRaceError, raceSummary, shortenedQuery as shortened } from '@support/persistence';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

/**
 * TypeORM's lines through Nest's logger, so they are JSON with the service, version and ids like
 * every other line. Parameters are never logged (they carry ticket text and people's ids). A
 * failed statement is a warning, except the races concurrent writers meet by design (a unique key
 * claimed first, as idempotency keys are; a deadlock or lock-wait timeout that is retried): those
 * are one short debug line. A failure that stays is reported by the code that meets it.
 */
export class TypeOrmNestLogger implements TypeOrmLoggerContract {
  private readonly logger = new Logger('TypeORM');

  logQuery(query: string): void {
    this.logger.verbose(shortened(query));
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    if (isExpectedRaceError(error)) {
      this.logger.debug(`query lost a race: ${raceSummary(error, query)}`);
      return;
    }
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
