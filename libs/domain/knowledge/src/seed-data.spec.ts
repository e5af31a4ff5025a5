import { validateSeedData, type SeedArticle, type SeedCategory } from './seed-data';

const categories: SeedCategory[] = [
  {
    slug: 'audio-video',
    position: 1,
    title: { en: 'Audio and video', fr: 'Audio et vidéo', ru: 'Звук и видео' },
    description: { en: 'Sound, cameras and sharing.' },
    sections: [
      { slug: 'audio', position: 1, title: { en: 'Audio' } },
      { slug: 'video', position: 2, title: { en: 'Video' } },
    ],
  },
];

const body = 'Ask everyone who is not speaking to **mute**, and use headphones.';

const articles: SeedArticle[] = [
  {
    slug: 'fix-audio-echo',
    category: 'audio-video',
    section: 'audio',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['2101'],
    topResourceRank: 1,
    translations: { en: { title: 'Fix audio echo', body }, ru: { title: 'Эхо', body: 'Попросите всех выключить микрофоны.' } },
  },
  {
    slug: 'release-notes-2026-02-03',
    category: 'audio-video',
    section: 'video',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-02-03',
    topResourceRank: 2,
    translations: { en: { title: 'February 3, 2026', body: 'Virtual backgrounds now blur faster.' } },
  },
];

describe('validateSeedData', () => {
  it('accepts consistent seed data and expectations', () => {
    expect(validateSeedData(categories, articles, [{ query: 'echo', locale: 'en', expectedFirstSlug: 'fix-audio-echo' }])).toEqual([]);
  });

  it('reports duplicate and malformed category data', () => {
    const broken: SeedCategory[] = [
      ...categories,
      { ...categories[0], title: { en: ' ' }, sections: [], description: { en: 'x', xx: 'y' } as SeedCategory['description'] },
    ];
    expect(validateSeedData(broken, [])).toEqual([
      'category slug audio-video is used more than once',
      'category position 1 is used more than once',
      'category audio-video title: en text is required',
      'category audio-video description: unsupported locale xx',
      'category audio-video: has no sections',
    ]);
  });

  it('reports articles that point nowhere or fail validation', () => {
    const broken: SeedArticle[] = [
      { ...articles[0], slug: 'Bad Slug', category: 'nope' },
      { ...articles[0], section: 'nope', errorCodes: ['12'], topResourceRank: 21 },
      { ...articles[1], releasedOn: undefined, topResourceRank: 3 },
    ];
    expect(validateSeedData(categories, broken)).toEqual([
      'article Bad Slug: slug must be lower-case words joined by hyphens',
      'article Bad Slug: unknown category nope',
      'article fix-audio-echo: unknown section nope in audio-video',
      'article fix-audio-echo (en): errorCodes[0] must be 3 to 6 digits, got "12"',
      'article fix-audio-echo (ru): errorCodes[0] must be 3 to 6 digits, got "12"',
      'article fix-audio-echo: topResourceRank must be an integer from 1 to 20',
      'article release-notes-2026-02-03 (en): releasedOn is required for release notes',
      'topResourceRank 2 is missing: ranks must run from 1 without gaps',
    ]);
  });

  it('requires bodies that the sanitiser leaves as they are', () => {
    const unsafe: SeedArticle = { ...articles[0], translations: { en: { title: 'x', body: 'Hi <img src=x onerror=alert(1)>' } } };
    expect(validateSeedData(categories, [unsafe])).toEqual([
      'article fix-audio-echo (en): body changes when sanitised; store the sanitised form',
    ]);
  });

  it('checks search expectations', () => {
    expect(
      validateSeedData(categories, articles, [
        { query: '+-', locale: 'en', expectedFirstSlug: 'fix-audio-echo' },
        { query: 'echo', locale: 'xx' as 'en', expectedFirstSlug: 'missing' },
      ]),
    ).toEqual([
      'search expectation "+-" (en): q must contain at least one word of two or more letters or digits',
      'search expectation "echo" (xx): unsupported locale',
      'search expectation "echo" (xx): unknown article missing',
    ]);
  });
});
