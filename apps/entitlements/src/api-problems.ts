import { ApiError } from '@support/platform';

/**
 * The domain validators report each problem as "field: what is wrong"; the HTTP answer carries
 * them in the same shape as the validation pipe's, so clients read one error format.
 */
export function problemsToApiError(code: string, problems: string[]): ApiError {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const separator = problem.indexOf(': ');
    const field = separator > 0 ? problem.slice(0, separator) : '';
    const message = separator > 0 ? problem.slice(separator + 2) : problem;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return ApiError.badRequest(code, problems.join('; '), {
    errors: [...byField].map(([field, fieldProblems]) => ({ field, problems: fieldProblems })),
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields a body may not carry: the JSON bodies checked by hand refuse them like the validation pipe does. */
export function unknownFields(body: Record<string, unknown>, allowed: readonly string[], prefix = ''): string[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${prefix}${key}: is not a known field (expected ${allowed.join(', ')})`);
}
