import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

const STACK = /\n\s+at /;

/**
 * Nest's LoggerService over a service's pino logger, so `new Logger(context)` anywhere in the
 * code base writes one JSON object a line with the service, version, level, context and the ids
 * of the work in progress. The level is LOG_LEVEL's: it has no setLogLevels, so the levels an app
 * factory hands Nest do not change it (in a test process the services share Nest's logger).
 */
export class ServiceLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    // Nest's Logger appends its context last; error() puts a stack (or undefined) before it
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(mayHaveStack && rest.length === 1 && STACK.test(last))) fields['context'] = rest.pop();
    if (mayHaveStack) {
      const stack = rest.shift();
      if (typeof stack === 'string') fields['stack'] = stack;
    }
    if (rest.length > 0) fields['details'] = rest;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
