import {
  localeFromAcceptLanguage,
  normalizeLocale,
  resolveTranslation,
  SOURCE_LOCALE,
  SUPPORTED_LOCALES,
  type Locale,
  type TranslationResolution,
} from '@support/domain-knowledge';
import { ApiHeader } from '@nestjs/swagger';
import { ApiError } from '@support/platform';

/**
 * The locale a reader asked for: the `locale` parameter when given (a regional tag counts as its
 * language), else the Accept-Language header, else English. An unknown explicit value is a 400.
 */
export function readerLocale(param: unknown, acceptLanguage?: string | string[]): Locale {
  if (param !== undefined && param !== null && param !== '') {
    const locale = typeof param === 'string' ? normalizeLocale(param) : null;
    if (!locale) throw ApiError.validationFailed([{ field: 'locale', message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')}` }]);
    return locale;
  }
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  return localeFromAcceptLanguage(header) ?? SOURCE_LOCALE;
}

/**
 * Documents the optional Accept-Language header of a reader's route (`@Headers('accept-language')`
 * alone is documented as required, yet the locale falls back to English without it).
 */
export const ApiAcceptLanguage = (): MethodDecorator =>
  ApiHeader({
    name: 'accept-language',
    required: false,
    description: "the reader's languages; used when no `locale` parameter is given (default: en)",
    schema: { type: 'string' },
  });

/** A locale in a path or body, normalised, or a 400 naming the field. */
export function requireLocale(value: unknown, field = 'locale'): Locale {
  const locale = typeof value === 'string' ? normalizeLocale(value) : null;
  if (!locale) throw ApiError.validationFailed([{ field, message: `${field} must be one of ${SUPPORTED_LOCALES.join(', ')}` }]);
  return locale;
}

/**
 * The translation a reader gets among rows of one item, with the English row's last change as
 * the source date that makes older translations outdated.
 */
export function localize<T extends { locale: string; updatedAt: Date }>(requested: Locale, rows: readonly T[]): TranslationResolution<T> {
  const source = rows.find((row) => row.locale === SOURCE_LOCALE);
  return resolveTranslation(requested, rows, source?.updatedAt ?? new Date(0));
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
