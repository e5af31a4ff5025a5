import type { ArticleInputProblem } from '@support/domain-knowledge';
import type { FieldProblem } from '@support/platform';
import { plainTextProblems } from '../text-rules';

/** The domain validator's problems as the 400 answer lists them. */
export function fieldProblems(problems: readonly ArticleInputProblem[]): FieldProblem[] {
  return problems.map((p) => ({ field: p.field, message: p.message }));
}

/** Markup in a title: length and control characters are the domain validator's, markup is the one extra rule. */
export function titleMarkupProblems(title: unknown): FieldProblem[] {
  return plainTextProblems('title', title, { required: false, max: Number.MAX_SAFE_INTEGER }).filter((p) => p.message.includes('markup'));
}
