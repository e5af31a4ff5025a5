import type { FieldProblem } from '@support/platform';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_LABEL_LENGTH = 200;

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
// What an HTML parser would open as a tag, comment or declaration.
const MARKUP = /<[A-Za-z/!?]/;

/**
 * Titles and descriptions are plain text: clients may show them as HTML, so markup is refused
 * with a clear answer instead of being silently altered.
 */
export function plainTextProblems(
  field: string,
  value: unknown,
  options: { required: boolean; max: number; multiline?: boolean },
): FieldProblem[] {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return options.required ? [{ field, message: `${field} is required` }] : [];
  }
  if (typeof value !== 'string') return [{ field, message: `${field} must be a string` }];
  if ([...value.trim()].length > options.max) return [{ field, message: `${field} must be at most ${options.max} characters` }];
  const controls = options.multiline ? /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/ : CONTROL_CHARACTERS;
  if (controls.test(value)) return [{ field, message: `${field} must not contain control characters` }];
  if (MARKUP.test(value)) return [{ field, message: `${field} must be plain text, without HTML markup` }];
  return [];
}

export function slugProblems(field: string, value: unknown): FieldProblem[] {
  if (typeof value !== 'string' || value === '') return [{ field, message: `${field} is required` }];
  if (value.length > MAX_SLUG_LENGTH) return [{ field, message: `${field} must be at most ${MAX_SLUG_LENGTH} characters` }];
  if (!SLUG_PATTERN.test(value)) return [{ field, message: `${field} must be lower-case letters and digits joined by single hyphens` }];
  return [];
}

/** A slug from an English title: "Error 5003: can't connect" → "error-5003-can-t-connect". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH - 10)
    .replace(/-+$/, '');
  return slug || 'article';
}
