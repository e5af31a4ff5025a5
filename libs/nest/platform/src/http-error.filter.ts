import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isTransientDatabaseError } from '@support/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from './api-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemType } from './openapi/api-problem';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  // an outage is not an internal error: whoever sent the 503 did not say more, the caller may retry
  503: 'service_unavailable',
};

/**
 * Every error leaves as RFC 9457 problem details (`application/problem+json`) carrying status,
 * code and message too (the `ApiProblem` schema of the OpenAPI documents); nothing internal leaks
 * in a 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    this.answer(exception, host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>());
  }

  /** Sends the problem for `exception`; also for the errors Fastify meets before Nest routes a request. */
  answer(exception: unknown, request: Pick<FastifyRequest, 'url'> | undefined, response: FastifyReply): void {
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error((exception as Error)?.stack ?? String(exception));
    }
    if (response.sent || response.raw.headersSent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.header('Retry-After', '5');
    response
      .status(body.statusCode)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem(body, request)));
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
            ? (raw as { message: string[] }).message.join('; ')
            : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'), message };
    }
    const failure = exception as { status?: number; statusCode?: number; message?: string };
    // errors of body-parser (bad JSON, too large) and of Fastify carry a status of their own
    const status = failure?.status ?? failure?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, code: CODES[status] ?? 'bad_request', message: failure.message ?? 'bad request' };
    }
    if (isTransientDatabaseError(exception)) {
      // the database is away for a moment: nothing was accepted, the caller may retry
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'service_unavailable',
        message: 'the service cannot reach its database; retry shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'internal error' };
  }
}

/** RFC 9457 members first, then the body as it was (`statusCode`, `code`, `message`, details). */
function problem(body: ApiErrorBody, request: Pick<FastifyRequest, 'url'> | undefined): Record<string, unknown> {
  const url = request?.url ?? '/';
  const questionMark = url.indexOf('?');
  // the RFC 9457 members are the filter's: a detail of the same name does not replace them
  const { type: _type, title: _title, status: _status, detail: _detail, instance: _instance, ...rest } = body;
  return {
    type: problemType(body.code),
    title: PROBLEM_TITLES[body.statusCode] ?? (body.statusCode >= 500 ? 'Server Error' : 'Client Error'),
    status: body.statusCode,
    detail: body.message,
    // the path only: a query string may carry what should not be echoed
    instance: questionMark >= 0 ? url.slice(0, questionMark) : url,
    ...rest,
  };
}
