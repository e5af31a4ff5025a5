import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@support/platform';

export interface FieldProblem {
  field: string;
  message: string;
}

/** One 400 naming every field at fault, in the shape the validation pipe answers with. */
export function validationFailed(problems: readonly FieldProblem[]): ApiError {
  const byField = new Map<string, string[]>();
  for (const problem of problems) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem.message]);
  return ApiError.badRequest('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    errors: [...byField].map(([field, fieldProblems]) => ({ field, problems: fieldProblems })),
  });
}

export function notFound(code: string, what: string, reference: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, code, `${what} "${reference}" was not found`);
}

export const articleNotFound = (reference: string) => notFound('article_not_found', 'article', reference);
export const categoryNotFound = (reference: string) => notFound('category_not_found', 'category', reference);
export const sectionNotFound = (reference: string) => notFound('section_not_found', 'section', reference);

export function slugTaken(what: string, slug: string): ApiError {
  return ApiError.conflict('slug_taken', `slug: a ${what} with the slug "${slug}" already exists`);
}
