import { type Locale, SOURCE_LOCALE, normalizeLocale } from './locale';

export interface TranslationResolution<T> {
  /** The translation to show. */
  served: T;
  /** Locale of `served`. */
  locale: Locale;
  requestedLocale: Locale;
  /**
   * True when the reader gets the article in the language they asked for (always, for English
   * readers). False means the English source is shown instead and the reader must be told.
   */
  translated: boolean;
  /** The served translation predates the latest change of the English source. */
  outdated: boolean;
  /** Every locale the article exists in, sorted, so the reader can switch. */
  availableLocales: Locale[];
}

/** The article has neither the requested locale nor the English source it must fall back to. */
export class MissingSourceTranslationError extends Error {
  constructor(
    readonly requestedLocale: Locale,
    readonly availableLocales: Locale[],
  ) {
    super(
      `article has no "${requestedLocale}" translation and no "${SOURCE_LOCALE}" source to fall back to ` +
        `(available: ${availableLocales.join(', ') || 'none'})`,
    );
    this.name = 'MissingSourceTranslationError';
  }
}

/**
 * Picks what a reader sees: the translation in their locale, else the English source.
 * Translations stored under a regional tag ('fr-FR') count as their base language; translations
 * in unsupported locales are ignored.
 */
export function resolveTranslation<T extends { locale: string; updatedAt: Date }>(
  requested: Locale,
  translations: readonly T[],
  sourceUpdatedAt: Date,
): TranslationResolution<T> {
  const byLocale = new Map<Locale, T>();
  for (const translation of translations) {
    const locale = normalizeLocale(translation.locale);
    if (!locale) continue;
    const known = byLocale.get(locale);
    // Two rows for one language ('fr' and 'fr-FR') should not exist; if they do, the newer wins.
    if (!known || translation.updatedAt.getTime() > known.updatedAt.getTime()) byLocale.set(locale, translation);
  }
  const availableLocales = [...byLocale.keys()].sort();

  const inRequested = byLocale.get(requested);
  const served = inRequested ?? byLocale.get(SOURCE_LOCALE);
  if (!served) throw new MissingSourceTranslationError(requested, availableLocales);
  const locale: Locale = inRequested ? requested : SOURCE_LOCALE;

  return {
    served,
    locale,
    requestedLocale: requested,
    translated: locale === requested,
    outdated: locale !== SOURCE_LOCALE && served.updatedAt.getTime() < sourceUpdatedAt.getTime(),
    availableLocales,
  };
}
