import { MAX_BODY_BYTES, validateArticleInput, validateTranslationInput, type ArticleInput } from './article-validation';

const valid: ArticleInput = {
  title: 'Fix audio echo',
  body: 'Ask the other participants to use headphones.',
  locale: 'en',
  kind: 'troubleshooting',
  audience: 'everyone',
  errorCodes: ['5003', '104101'],
};

const fields = (input: Partial<ArticleInput>) => validateArticleInput(input).map((p) => `${p.field}:${p.code}`);

describe('validateArticleInput', () => {
  it('accepts a complete article', () => {
    expect(validateArticleInput(valid)).toEqual([]);
    expect(validateArticleInput({ ...valid, locale: 'fr-FR', videoUrl: 'https://videos.example.com/meetly/echo' })).toEqual([]);
  });

  it('reports every missing required field', () => {
    expect(fields({})).toEqual(['title:required', 'body:required', 'locale:required', 'kind:required', 'audience:required']);
  });

  it('limits the title to 200 characters, counting characters not bytes', () => {
    expect(fields({ ...valid, title: 'й'.repeat(200) })).toEqual([]);
    expect(fields({ ...valid, title: 'a'.repeat(201) })).toEqual(['title:too_long']);
    expect(fields({ ...valid, title: '   ' })).toEqual(['title:required']);
    expect(fields({ ...valid, title: 'two\nlines' })).toEqual(['title:invalid_format']);
  });

  it('limits the body to 200 KiB of UTF-8', () => {
    expect(fields({ ...valid, body: 'a'.repeat(MAX_BODY_BYTES) })).toEqual([]);
    expect(fields({ ...valid, body: 'ж'.repeat(MAX_BODY_BYTES / 2 + 1) })).toEqual(['body:too_long']);
  });

  it('rejects unknown locales, kinds and audiences', () => {
    expect(fields({ ...valid, locale: 'xx', kind: 'blog', audience: 'admins' })).toEqual([
      'locale:unknown_value',
      'kind:unknown_value',
      'audience:unknown_value',
    ]);
  });

  it.each([
    'http://videos.example.com/x',
    'javascript:alert(1)',
    'data:video/mp4;base64,AAAA',
    '/relative/video',
    'https://user:pw@videos.example.com/x',
    42,
  ])('rejects the video URL %j', (videoUrl) => {
    expect(fields({ ...valid, videoUrl })).toEqual(['videoUrl:invalid_format']);
  });

  it('checks each error code and names it', () => {
    const problems = validateArticleInput({ ...valid, errorCodes: ['5003', 'E-1', '12', '5003', 1132] });
    expect(problems.map((p) => p.field)).toEqual(['errorCodes[1]', 'errorCodes[2]', 'errorCodes[3]', 'errorCodes[4]']);
    expect(problems[2].code).toBe('duplicate');
    expect(fields({ ...valid, errorCodes: '5003' })).toEqual(['errorCodes:invalid_format']);
  });

  it('requires a valid release date on release notes only', () => {
    const note = { ...valid, kind: 'release_note', errorCodes: undefined };
    expect(fields(note)).toEqual(['releasedOn:required']);
    expect(fields({ ...note, releasedOn: '2026-02-28' })).toEqual([]);
    expect(fields({ ...note, releasedOn: '2026-02-30' })).toEqual(['releasedOn:invalid_format']);
    expect(fields({ ...note, releasedOn: '28/02/2026' })).toEqual(['releasedOn:invalid_format']);
    expect(fields({ ...valid, releasedOn: '2026-02-28' })).toEqual(['releasedOn:not_applicable']);
  });

  it('writes messages that name the field', () => {
    for (const problem of validateArticleInput({ kind: 'x', audience: 'y', locale: 'zz', videoUrl: 'ftp://x' })) {
      expect(problem.message.startsWith(problem.field)).toBe(true);
    }
  });
});

describe('validateTranslationInput', () => {
  it('checks only the text and its locale', () => {
    expect(validateTranslationInput({ title: 'Эхо', body: 'Текст', locale: 'ru' })).toEqual([]);
    expect(validateTranslationInput({ title: 'Эхо', body: '', locale: 'ru' }).map((p) => p.field)).toEqual(['body']);
  });
});
