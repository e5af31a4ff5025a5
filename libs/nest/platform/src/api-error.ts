import { HttpException, HttpStatus } from '@nestjs/common';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; problems: string[] }>;
  [detail: string]: unknown;
}

/** One field at fault and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A problem as the domain validators write it, "field: what is wrong", read into its parts; a
 * problem without a field prefix keeps its whole text and an empty field.
 */
export function fieldProblem(problem: string): FieldProblem {
  const separator = problem.indexOf(': ');
  return separator > 0 ? { field: problem.slice(0, separator), message: problem.slice(separator + 2) } : { field: '', message: problem };
}

/**
 * An error answer with a machine-readable code and a message naming the field or rule at fault.
 * The one error vocabulary of every service: throw a factory's answer (`ApiError.validationFailed`,
 * `notFound`, `conflict`, ...) or a feature's named error built on them (`<feature>.errors.ts`).
 */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details: Record<string, unknown> = {}) {
    super({ statusCode: status, code, message, ...details } satisfies ApiErrorBody, status);
  }

  /**
   * A 400 naming every field at fault, in the shape the validation pipe answers with: the message
   * lists each "field: problem", `errors` groups the problems by field. `code` is
   * validation_failed unless the route's contract names a more specific one.
   */
  static validationFailed(problems: readonly (FieldProblem | string)[], code = 'validation_failed'): ApiError {
    const read = problems.map((problem) => (typeof problem === 'string' ? fieldProblem(problem) : problem));
    const byField = new Map<string, string[]>();
    for (const { field, message } of read) byField.set(field, [...(byField.get(field) ?? []), message]);
    return ApiError.badRequest(code, read.map(({ field, message }) => (field ? `${field}: ${message}` : message)).join('; '), {
      errors: [...byField].map(([field, fieldProblems]) => ({ field, problems: fieldProblems })),
    });
  }

  /** "<what> <reference> was not found"; `code` names the kind of thing where the contract does (article_not_found). */
  static notFound(what: string, reference: string, code = 'not_found'): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, code, `${what} ${reference} was not found`);
  }

  static unauthenticated(message: string): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', message);
  }

  static forbidden(message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message, details);
  }

  static badRequest(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  static conflict(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, details);
  }
}
