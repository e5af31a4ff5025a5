import { HttpException, HttpStatus } from '@nestjs/common';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; problems: string[] }>;
  [detail: string]: unknown;
}

/** An error answer with a machine-readable code and a message naming the field or rule at fault. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details: Record<string, unknown> = {}) {
    super({ statusCode: status, code, message, ...details } satisfies ApiErrorBody, status);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} ${id} was not found`);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message);
  }

  static badRequest(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  static conflict(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, details);
  }
}
