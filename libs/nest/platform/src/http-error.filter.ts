import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isTransientDatabaseError } from '@support/persistence';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';

const CODES: Record<number, string> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'unprocessable', 429: 'too_many_requests',
  // an outage is not an internal error: whoever sent the 503 did not say more, the caller may retry
  503: 'service_unavailable',
};

/** Every error leaves as JSON with status, code and message; nothing internal leaks in a 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error((exception as Error)?.stack ?? String(exception));
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw) return raw as ApiErrorBody;
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray((raw as { message?: unknown }).message)
            ? ((raw as { message: string[] }).message).join('; ')
            : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'), message };
    }
    const typeError = exception as { type?: string; status?: number; message?: string };
    // body-parser errors (bad JSON, too large) carry a status of their own
    if (typeof typeError?.status === 'number' && typeError.status >= 400 && typeError.status < 500) {
      return { statusCode: typeError.status, code: CODES[typeError.status] ?? 'bad_request', message: typeError.message ?? 'bad request' };
    }
    if (isTransientDatabaseError(exception)) {
      // the database is away for a moment: nothing was accepted, the caller may retry
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'service_unavailable', message: 'the service cannot reach its database; retry shortly' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'internal error' };
  }
}
