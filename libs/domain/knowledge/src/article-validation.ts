import { ARTICLE_KINDS, AUDIENCES, ERROR_CODE_PATTERN, isArticleKind, isAudience } from './article-taxonomy';
import { SUPPORTED_LOCALES, normalizeLocale } from './locale';

export const MAX_TITLE_LENGTH = 200;
/** 200 KiB of UTF-8: far beyond any real article, small enough to index and sanitise quickly. */
export const MAX_BODY_BYTES = 200 * 1024;
export const MAX_VIDEO_URL_LENGTH = 2048;
export const MAX_ERROR_CODES = 20;

export type ArticleInputField = 'title' | 'body' | 'locale' | 'kind' | 'audience' | 'videoUrl' | 'errorCodes' | 'releasedOn';

export interface ArticleInputProblem {
  /** The field at fault; for one error code, `errorCodes[<index>]`. */
  field: ArticleInputField | `errorCodes[${number}]`;
  code: 'required' | 'too_long' | 'unknown_value' | 'invalid_format' | 'duplicate' | 'not_applicable';
  message: string;
}

/** A translation: the text of an article in one locale. */
export interface TranslationInput {
  title: unknown;
  body: unknown;
  locale: unknown;
}

/** An article with its text in one locale. Values are unknown so raw request bodies can be checked. */
export interface ArticleInput extends TranslationInput {
  kind: unknown;
  audience: unknown;
  videoUrl?: unknown;
  errorCodes?: unknown;
  releasedOn?: unknown;
}

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

export function validateTranslationInput(input: Partial<TranslationInput>): ArticleInputProblem[] {
  const problems: ArticleInputProblem[] = [];
  const { title, body, locale } = input;

  if (typeof title !== 'string' || title.trim() === '') {
    problems.push({ field: 'title', code: 'required', message: 'title is required' });
  } else if ([...title.trim()].length > MAX_TITLE_LENGTH) {
    problems.push({ field: 'title', code: 'too_long', message: `title must be at most ${MAX_TITLE_LENGTH} characters` });
  } else if (CONTROL_CHARACTERS.test(title)) {
    problems.push({ field: 'title', code: 'invalid_format', message: 'title must be one line without control characters' });
  }

  if (typeof body !== 'string' || body.trim() === '') {
    problems.push({ field: 'body', code: 'required', message: 'body is required' });
  } else if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    problems.push({ field: 'body', code: 'too_long', message: `body must be at most ${MAX_BODY_BYTES} bytes (200 KiB) of UTF-8` });
  }

  if (typeof locale !== 'string' || locale.trim() === '') {
    problems.push({ field: 'locale', code: 'required', message: 'locale is required' });
  } else if (normalizeLocale(locale) === null) {
    problems.push({ field: 'locale', code: 'unknown_value', message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')}` });
  }
  return problems;
}

/** Everything wrong with an article input, each problem naming its field; empty when valid. */
export function validateArticleInput(input: Partial<ArticleInput>): ArticleInputProblem[] {
  const problems = validateTranslationInput(input);
  const { kind, audience, videoUrl, errorCodes, releasedOn } = input;

  if (kind === undefined || kind === null || kind === '') {
    problems.push({ field: 'kind', code: 'required', message: 'kind is required' });
  } else if (!isArticleKind(kind)) {
    problems.push({ field: 'kind', code: 'unknown_value', message: `kind must be one of ${ARTICLE_KINDS.join(', ')}` });
  }

  if (audience === undefined || audience === null || audience === '') {
    problems.push({ field: 'audience', code: 'required', message: 'audience is required' });
  } else if (!isAudience(audience)) {
    problems.push({ field: 'audience', code: 'unknown_value', message: `audience must be one of ${AUDIENCES.join(', ')}` });
  }

  if (videoUrl !== undefined && videoUrl !== null) problems.push(...videoUrlProblems(videoUrl));
  if (errorCodes !== undefined && errorCodes !== null) problems.push(...errorCodeProblems(errorCodes));

  if (releasedOn === undefined || releasedOn === null || releasedOn === '') {
    if (kind === 'release_note') {
      problems.push({ field: 'releasedOn', code: 'required', message: 'releasedOn is required for release notes' });
    }
  } else if (kind !== 'release_note' && isArticleKind(kind)) {
    problems.push({ field: 'releasedOn', code: 'not_applicable', message: 'releasedOn is only for release notes' });
  } else if (!isCalendarDate(releasedOn)) {
    problems.push({ field: 'releasedOn', code: 'invalid_format', message: 'releasedOn must be a calendar date as YYYY-MM-DD' });
  }
  return problems;
}

function videoUrlProblems(videoUrl: unknown): ArticleInputProblem[] {
  const invalid = (message: string): ArticleInputProblem[] => [{ field: 'videoUrl', code: 'invalid_format', message }];
  if (typeof videoUrl !== 'string') return invalid('videoUrl must be a string');
  if (videoUrl.length > MAX_VIDEO_URL_LENGTH) {
    return [{ field: 'videoUrl', code: 'too_long', message: `videoUrl must be at most ${MAX_VIDEO_URL_LENGTH} characters` }];
  }
  let url: URL;
  try {
    url = new URL(videoUrl);
  } catch {
    return invalid('videoUrl must be an absolute URL');
  }
  // Readers' browsers block mixed content and credentials in a URL leak to every reader.
  if (url.protocol !== 'https:') return invalid('videoUrl must use https');
  if (url.username !== '' || url.password !== '') return invalid('videoUrl must not contain credentials');
  if (/\s/.test(videoUrl)) return invalid('videoUrl must not contain whitespace');
  return [];
}

function errorCodeProblems(errorCodes: unknown): ArticleInputProblem[] {
  if (!Array.isArray(errorCodes)) {
    return [{ field: 'errorCodes', code: 'invalid_format', message: 'errorCodes must be a list of codes' }];
  }
  if (errorCodes.length > MAX_ERROR_CODES) {
    return [{ field: 'errorCodes', code: 'too_long', message: `errorCodes must hold at most ${MAX_ERROR_CODES} codes` }];
  }
  const problems: ArticleInputProblem[] = [];
  const seen = new Set<string>();
  errorCodes.forEach((code: unknown, index) => {
    const field = `errorCodes[${index}]` as const;
    if (typeof code !== 'string' || !ERROR_CODE_PATTERN.test(code)) {
      problems.push({ field, code: 'invalid_format', message: `errorCodes[${index}] must be 3 to 6 digits, got ${JSON.stringify(code)}` });
    } else if (seen.has(code)) {
      problems.push({ field, code: 'duplicate', message: `errorCodes[${index}] repeats ${code}` });
    } else {
      seen.add(code);
    }
  });
  return problems;
}

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
