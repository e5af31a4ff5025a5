/**
 * Locales the help center accepts. English is the source language: every article exists in
 * English, and other locales hold translations of some articles only.
 */
export const SUPPORTED_LOCALES = ['en', 'ru', 'fr', 'de', 'es', 'ja', 'pt'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const SOURCE_LOCALE = 'en' satisfies Locale;

const LOCALE_SET: ReadonlySet<string> = new Set(SUPPORTED_LOCALES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && LOCALE_SET.has(value);
}

// BCP 47 tags ('pt-BR', 'zh-Hant-TW') and POSIX names ('ru_RU', 'fr_CA.UTF-8') reduce to their
// language subtag: translations are kept per language, not per region.
const LANGUAGE_TAG = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:\.[A-Za-z0-9-]+)?$/;

/** The supported base locale of a language tag, or null when it is unknown or malformed. */
export function normalizeLocale(input: string | null | undefined): Locale | null {
  if (typeof input !== 'string') return null;
  const match = LANGUAGE_TAG.exec(input.trim());
  if (!match) return null;
  const language = match[1].toLowerCase();
  return isLocale(language) ? language : null;
}

/**
 * The best supported locale of an Accept-Language header ('fr-CH, fr;q=0.9, en;q=0.8'),
 * or null when it names none; readers who send no preference get the caller's default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (typeof header !== 'string') return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0 && range.tag !== '*')
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const locale = normalizeLocale(range.tag);
    if (locale) return locale;
  }
  return null;
}
