import { MissingSourceTranslationError, resolveTranslation } from './translation-fallback';

const at = (iso: string) => new Date(iso);

interface Row {
  locale: string;
  updatedAt: Date;
  title: string;
}

const english: Row = { locale: 'en', updatedAt: at('2026-03-01T10:00:00Z'), title: 'Waiting room' };
const french: Row = { locale: 'fr', updatedAt: at('2026-03-05T10:00:00Z'), title: "Salle d'attente" };
const russian: Row = { locale: 'ru', updatedAt: at('2026-01-10T10:00:00Z'), title: 'Зал ожидания' };
const sourceUpdatedAt = at('2026-03-01T10:00:00Z');

describe('resolveTranslation', () => {
  it('serves the requested locale when it is translated', () => {
    const result = resolveTranslation('fr', [english, french, russian], sourceUpdatedAt);
    expect(result.served).toBe(french);
    expect(result).toMatchObject({ locale: 'fr', requestedLocale: 'fr', translated: true, outdated: false });
  });

  it('falls back to English, flagged as not translated, when the locale has no translation', () => {
    const result = resolveTranslation('de', [english, french], sourceUpdatedAt);
    expect(result.served).toBe(english);
    expect(result).toMatchObject({ locale: 'en', requestedLocale: 'de', translated: false, outdated: false });
  });

  it('serves English readers the source as requested', () => {
    const result = resolveTranslation('en', [french, english], sourceUpdatedAt);
    expect(result.served).toBe(english);
    expect(result).toMatchObject({ locale: 'en', translated: true, outdated: false });
  });

  it('marks a translation older than the latest source change as outdated', () => {
    const result = resolveTranslation('ru', [english, russian], sourceUpdatedAt);
    expect(result.served).toBe(russian);
    expect(result.outdated).toBe(true);
  });

  it('does not mark a translation made at the same instant as the source change as outdated', () => {
    const sameTime = { ...russian, updatedAt: sourceUpdatedAt };
    expect(resolveTranslation('ru', [english, sameTime], sourceUpdatedAt).outdated).toBe(false);
  });

  it('never marks the English fallback as outdated', () => {
    const result = resolveTranslation('ru', [english], at('2027-01-01T00:00:00Z'));
    expect(result.outdated).toBe(false);
  });

  it('lists the available locales sorted, counting regional tags as their language', () => {
    const result = resolveTranslation(
      'ja',
      [russian, { ...french, locale: 'fr-FR' }, english, { ...english, locale: 'xx' }],
      sourceUpdatedAt,
    );
    expect(result.availableLocales).toEqual(['en', 'fr', 'ru']);
  });

  it('matches a translation stored under a regional tag', () => {
    const result = resolveTranslation('fr', [english, { ...french, locale: 'fr_CA' }], sourceUpdatedAt);
    expect(result.served.title).toBe("Salle d'attente");
    expect(result.locale).toBe('fr');
  });

  it('fails loudly when there is neither the requested locale nor the English source', () => {
    expect(() => resolveTranslation('de', [french], sourceUpdatedAt)).toThrow(MissingSourceTranslationError);
    expect(() => resolveTranslation('de', [], sourceUpdatedAt)).toThrow(/no "en" source/);
  });
});
