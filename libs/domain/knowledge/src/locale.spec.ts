import { SOURCE_LOCALE, SUPPORTED_LOCALES, localeFromAcceptLanguage, normalizeLocale } from './locale';

describe('normalizeLocale', () => {
  it.each([
    ['en', 'en'],
    ['FR', 'fr'],
    ['fr-FR', 'fr'],
    ['ru_RU', 'ru'],
    [' pt-BR ', 'pt'],
    ['ja-JP', 'ja'],
    ['de_DE.UTF-8', 'de'],
    ['es-419', 'es'],
  ])('reduces %j to %j', (input, expected) => {
    expect(normalizeLocale(input)).toBe(expected);
  });

  it.each(['', 'xx', 'zh-Hant', 'english', 'fr--FR', 'en US', '../en', null, undefined])('rejects %j', (input) => {
    expect(normalizeLocale(input as string | null | undefined)).toBeNull();
  });

  it('has English as the source and supports every locale the help center ships', () => {
    expect(SOURCE_LOCALE).toBe('en');
    expect(SUPPORTED_LOCALES).toEqual(expect.arrayContaining(['en', 'ru', 'fr', 'de', 'es', 'ja', 'pt']));
  });
});

describe('localeFromAcceptLanguage', () => {
  it('picks the most preferred supported language', () => {
    expect(localeFromAcceptLanguage('zh-CN, ru;q=0.8, en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5')).toBe('fr');
  });

  it('keeps header order between equal weights and skips refused languages', () => {
    expect(localeFromAcceptLanguage('ru, fr')).toBe('ru');
    expect(localeFromAcceptLanguage('ru;q=0, fr;q=0.1')).toBe('fr');
  });

  it('returns null when nothing is supported', () => {
    expect(localeFromAcceptLanguage('zh, ko;q=0.5, *')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
