import { TOPICS } from '@support/contracts';
import { SEED_ARTICLES, SEED_SEARCH_EXPECTATIONS } from '../src/seed/seed-data';
import {
  EventProbe,
  queryDatabase,
  request,
  ServiceStack,
  signToken,
  startMockKafka,
  TEST_DATABASE_URL,
  waitFor,
  type RunningBroker,
} from '@support/testing';
import { createKnowledgeBaseApp } from '../src/app';
import { seedKnowledgeBase } from '../src/seed/seed';
import { KNOWLEDGE_BASE_SERVICE } from '../src/service';

const PUBLISHED = 'support.kb.article_published.v1';
const SEEDED_TRANSLATIONS = SEED_ARTICLES.reduce((sum, a) => sum + Object.keys(a.translations).length, 0);

describe('the help center over HTTP (real MariaDB and Kafka)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let kb: string;
  let admin: string;
  let agent: string;
  let customer: string;
  let otherCustomer: string;

  const seed = () => seedKnowledgeBase({ DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: stack.prefix });
  const get = (path: string, options: { token?: string; headers?: Record<string, string> } = {}) => request('GET', `${kb}${path}`, options);
  const search = (params: Record<string, string>) => get(`/v1/articles?${new URLSearchParams(params)}`);
  const asAdmin = (method: string, path: string, body?: unknown) => request(method, `${kb}${path}`, { token: admin, body });

  /** A published article of its own, so tests that change content leave the seed alone. */
  async function publishedArticle(
    overrides: Record<string, unknown> = {},
    translations: Record<string, { title: string; body: string }> = {},
  ) {
    const created = await asAdmin('POST', '/v1/articles', {
      category: 'audio-video',
      section: 'audio',
      kind: 'faq',
      audience: 'everyone',
      title: `Headset crackles ${Math.random().toString(36).slice(2, 8)}`,
      body: 'When the headset crackles, replug it and pick it again under **Settings** > **Audio**.',
      ...overrides,
    });
    expect(created.status).toBe(201);
    for (const [locale, text] of Object.entries(translations)) {
      expect((await asAdmin('PUT', `/v1/articles/${created.body.id}/translations/${locale}`, text)).status).toBe(200);
    }
    expect((await asAdmin('POST', `/v1/articles/${created.body.id}/publish`)).status).toBe(200);
    return created.body as { id: string; slug: string };
  }

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.kb]);
    stack = ServiceStack.create(broker.brokers, 'kbhelp');
    kb = (await stack.start(KNOWLEDGE_BASE_SERVICE, createKnowledgeBaseApp, { KB_VIEW_FLUSH_INTERVAL_MS: '100' })).url;
    await seed();
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
    customer = await signToken({ sub: 'reader-1', role: 'customer', account_id: 'acct-1' });
    otherCustomer = await signToken({ sub: 'reader-2', role: 'customer', account_id: 'acct-2' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  describe('seed', () => {
    it('announces every seeded article in every locale through the outbox, and a second run changes nothing', async () => {
      await waitFor(() => probe.events(PUBLISHED).length >= SEEDED_TRANSLATIONS, {
        timeoutMs: 60_000,
        description: 'seeded articles announced',
      });
      const first = probe.events(PUBLISHED).slice(0, SEEDED_TRANSLATIONS) as Array<{
        data: { articleId: string; locale: string; slug: string };
        subject: string;
      }>;
      expect(new Set(first.map((e) => `${e.data.slug}/${e.data.locale}`)).size).toBe(SEEDED_TRANSLATIONS);
      for (const event of first) expect(event.subject).toBe(event.data.articleId);

      const before = await queryDatabase(stack.database('knowledge-base'), 'SELECT COUNT(*) AS n FROM outbox_message');
      const summary = await seed();
      expect(summary).toEqual({
        categoriesCreated: 0,
        sectionsCreated: 0,
        articlesCreated: 0,
        articlesPublished: 0,
        changes: 0,
        topResourcesChanged: false,
      });
      const after = await queryDatabase(stack.database('knowledge-base'), 'SELECT COUNT(*) AS n FROM outbox_message');
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });
  });

  describe('search ranking on the seed', () => {
    it.each(SEED_SEARCH_EXPECTATIONS.map((e) => [e.query, e.locale, e.expectedFirstSlug]))(
      '"%s" in %s finds %s first',
      async (query, locale, expected) => {
        const response = await search({ q: query, locale });
        expect(response.status).toBe(200);
        expect(response.body.items[0]?.slug).toBe(expected);
        expect(response.body.items[0].snippet).toEqual(expect.any(String));
      },
    );

    it('finds translated articles by translated words and English-only ones by English words, saying which', async () => {
      const russian = await search({ q: 'эхо', locale: 'ru' });
      expect(russian.body.items[0]).toMatchObject({ slug: 'fix-audio-echo', locale: 'ru', requestedLocale: 'ru', translated: true });
      expect(russian.body.items[0].title).toMatch(/[а-я]/i);

      const english = await search({ q: 'breakout rooms', locale: 'ru' });
      expect(english.body.items[0]).toMatchObject({ slug: 'breakout-rooms', locale: 'en', requestedLocale: 'ru', translated: false });
      expect(english.body.items[0].availableLocales).toContain('en');
      expect(english.body.items[0].availableLocales).not.toContain('ru');
    });

    it('highlights the matched words in an HTML-safe snippet', async () => {
      const response = await search({ q: 'echo', locale: 'en' });
      const snippet: string = response.body.items[0].snippet;
      expect(snippet).toMatch(/<mark>echo<\/mark>/i);
      expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('matches words shorter than the FULLTEXT minimum through their word starts', async () => {
      const response = await search({ q: 'HD', locale: 'en' });
      expect(response.status).toBe(200);
      expect(response.body.items[0].slug).toBe('improve-video-quality');
      expect(response.body.items[0].snippet).toMatch(/<mark>HD<\/mark>/);
    });

    it("indexes words on InnoDB's built-in stopword list", async () => {
      const article = await publishedArticle({ title: 'Und the www companion', body: 'Open the www companion from the tray.' });
      expect((await search({ q: 'www' })).body.items[0].id).toBe(article.id);
      expect((await search({ q: 'und' })).body.items[0].id).toBe(article.id);
    });

    it('pages through results with a cursor, without gaps or repeats', async () => {
      const all = await search({ q: 'meeting', locale: 'en', limit: '50' });
      expect(all.body.items.length).toBeGreaterThan(12);
      const expected: string[] = all.body.items.map((i: { id: string }) => i.id);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await search({
          q: 'meeting',
          locale: 'en',
          limit: '5',
          ...(cursor ? { cursor } : {}),
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(5);
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.slice(0, expected.length)).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
      if (all.body.nextCursor === null) expect(seen).toEqual(expected);
      else expect(seen.length).toBeGreaterThan(expected.length);
    });

    it('pages through the whole published list without a query, newest change first', async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: Array<{ id: string; updatedAt: string }>; nextCursor: string | null } } = await get(
          `/v1/articles?locale=fr&limit=30${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        ids.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const published = await queryDatabase(
        stack.database('knowledge-base'),
        "SELECT COUNT(*) AS n FROM kb_article WHERE status = 'published'",
      );
      expect(ids).toHaveLength(Number(published[0].n));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('filters by category, kind and audience', async () => {
      const troubleshooting = await search({ q: 'error', kind: 'troubleshooting', locale: 'en', limit: '50' });
      expect(troubleshooting.body.items.length).toBeGreaterThan(3);
      for (const item of troubleshooting.body.items) expect(item.kind).toBe('troubleshooting');

      const audio = await get('/v1/articles?category=audio-video&limit=50');
      expect(audio.body.items.length).toBeGreaterThan(3);
      for (const item of audio.body.items) expect(item.category.slug).toBe('audio-video');

      const owners = await get('/v1/articles?audience=owners_admins&kind=faq&limit=50');
      expect(owners.body.items.length).toBeGreaterThan(0);
      for (const item of owners.body.items) expect(item).toMatchObject({ audience: 'owners_admins', kind: 'faq' });
    });

    it.each([
      ['an empty query', { q: '' }, 'empty_query'],
      ['blanks', { q: '   ' }, 'empty_query'],
      ['operators only', { q: '+-*~<>()"@ \' % _ \\' }, 'empty_query'],
      ['a query over 200 characters', { q: 'a'.repeat(201) }, 'query_too_long'],
      ['more than 20 words', { q: Array.from({ length: 21 }, (_, i) => `word${i}`).join(' ') }, 'too_many_terms'],
      ['an unknown locale', { q: 'echo', locale: 'xx' }, 'validation_failed'],
      ['an unknown kind', { q: 'echo', kind: 'blog' }, 'validation_failed'],
      ['an unknown audience', { audience: 'robots' }, 'validation_failed'],
      ['an unknown category', { category: 'no-such-topic' }, 'validation_failed'],
      ['a limit of 0', { q: 'echo', limit: '0' }, 'validation_failed'],
      ['a limit that is not a number', { limit: 'lots' }, 'validation_failed'],
      ['a cursor this service did not issue', { q: 'echo', cursor: 'garbage!' }, 'invalid_cursor'],
      ['an unknown parameter', { q: 'echo', sort: 'title' }, 'validation_failed'],
    ])('answers %s with 400 and a code', async (_, params, code) => {
      const response = await search(params as Record<string, string>);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
      expect(response.body.message).toEqual(expect.any(String));
    });

    it('refuses a cursor issued for another query', async () => {
      const first = await search({ q: 'meeting', limit: '2' });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const replayed = await search({ q: 'audio', limit: '2', cursor: first.body.nextCursor });
      expect(replayed).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } });
    });

    it.each([
      '"waiting room" -echo +(hotline*)',
      "' OR 1=1 --",
      'échO ÉCHO',
      '🎧 headset',
      'в конференции нет звука',
      '@@version',
      'MATCH AGAINST',
      '\u0000 null',
      'a b',
      'how to',
    ])('never fails on %j', async (q) => {
      const response = await search({ q });
      expect([200, 400]).toContain(response.status);
      if (response.status === 200) expect(Array.isArray(response.body.items)).toBe(true);
    });
  });

  describe('locale fallback', () => {
    it('serves the translation to its readers and English, marked untranslated, to the others', async () => {
      const russian = await get('/v1/articles/fix-audio-echo?locale=ru');
      expect(russian.status).toBe(200);
      expect(russian.body).toMatchObject({
        locale: 'ru',
        requestedLocale: 'ru',
        translated: true,
        outdated: false,
        kind: expect.any(String),
      });
      expect(russian.body.availableLocales).toEqual(expect.arrayContaining(['en', 'ru']));
      expect(russian.body.category).toMatchObject({ slug: 'audio-video', locale: 'ru', translated: true });

      const fallback = await get('/v1/articles/breakout-rooms?locale=ru');
      expect(fallback.body).toMatchObject({ locale: 'en', requestedLocale: 'ru', translated: false, outdated: false });
      expect(fallback.body.availableLocales).toEqual(['en', 'fr']);
      expect(fallback.body.body).toEqual(expect.any(String));
      expect(fallback.body.category).toMatchObject({ locale: 'ru', translated: true });

      const byId = await get(`/v1/articles/${russian.body.id}?locale=fr-CA`);
      expect(byId.body).toMatchObject({ id: russian.body.id, requestedLocale: 'fr' });

      const english = await get('/v1/articles/fix-audio-echo');
      expect(english.body).toMatchObject({ locale: 'en', requestedLocale: 'en', translated: true });
    });

    it('takes the locale from Accept-Language when none is given', async () => {
      const response = await get('/v1/articles/use-the-waiting-room', { headers: { 'accept-language': 'de-CH, fr;q=0.9, en;q=0.5' } });
      expect(response.body).toMatchObject({ requestedLocale: 'de', locale: 'en', translated: false });
      const french = await get('/v1/articles/use-the-waiting-room', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
      expect(french.body).toMatchObject({ requestedLocale: 'fr', locale: 'fr', translated: true });
    });

    it('marks a translation outdated once the English source changes after it, until it is updated', async () => {
      const article = await publishedArticle({}, { ru: { title: 'Треск в гарнитуре', body: 'Переподключите гарнитуру.' } });
      expect((await get(`/v1/articles/${article.id}?locale=ru`)).body).toMatchObject({ locale: 'ru', outdated: false });

      const changed = await asAdmin('PUT', `/v1/articles/${article.id}/translations/en`, {
        title: 'Headset crackles or hisses',
        body: 'Replug the headset, then choose it again under **Settings** > **Audio**.',
      });
      expect(changed.status).toBe(200);
      expect(changed.body.translations.ru.outdated).toBe(true);
      expect((await get(`/v1/articles/${article.id}?locale=ru`)).body).toMatchObject({ locale: 'ru', translated: true, outdated: true });

      await asAdmin('PUT', `/v1/articles/${article.id}/translations/ru`, {
        title: 'Треск или шипение в гарнитуре',
        body: 'Переподключите гарнитуру и выберите ее снова.',
      });
      expect((await get(`/v1/articles/${article.id}?locale=ru`)).body).toMatchObject({ locale: 'ru', outdated: false });
    });

    it('lists categories and sections per locale with English fallback per item, never hiding a translated article', async () => {
      const russian = await get('/v1/categories?locale=ru');
      expect(russian.status).toBe(200);
      expect(russian.body.items.length).toBeGreaterThanOrEqual(8);
      const audio = russian.body.items.find((c: { slug: string }) => c.slug === 'audio-video');
      expect(audio).toMatchObject({ title: 'Звук и видео', locale: 'ru', translated: true });
      expect(audio.sections[0]).toMatchObject({ slug: 'audio', translated: true, locale: 'ru' });
      expect(audio.articleCount).toBeGreaterThan(0);

      // a new topic exists only in English, while its article is translated
      const slug = `rooms-${Date.now()}`;
      expect(
        (await asAdmin('POST', '/v1/categories', { slug, title: 'Meeting rooms', description: 'Room systems and displays.' })).status,
      ).toBe(201);
      expect((await asAdmin('POST', `/v1/categories/${slug}/sections`, { slug: 'displays', title: 'Displays' })).status).toBe(201);
      await publishedArticle(
        { category: slug, section: 'displays', title: 'Pair a room display' },
        { ru: { title: 'Подключение дисплея переговорной', body: 'Введите код сопряжения на дисплее.' } },
      );
      const after = await get('/v1/categories?locale=ru');
      const topic = after.body.items.find((c: { slug: string }) => c.slug === slug);
      expect(topic).toMatchObject({ title: 'Meeting rooms', locale: 'en', requestedLocale: 'ru', translated: false, articleCount: 1 });
      expect(topic.sections).toEqual([
        expect.objectContaining({ slug: 'displays', title: 'Displays', translated: false, articleCount: 1 }),
      ]);

      const listed = await get(`/v1/articles?category=${slug}&locale=ru`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          title: 'Подключение дисплея переговорной',
          translated: true,
          category: expect.objectContaining({ title: 'Meeting rooms' }),
        }),
      ]);

      await asAdmin('PUT', `/v1/categories/${slug}/translations/ru`, { title: 'Переговорные', description: 'Оборудование переговорных.' });
      const translated = await get('/v1/categories?locale=ru');
      expect(translated.body.items.find((c: { slug: string }) => c.slug === slug)).toMatchObject({
        title: 'Переговорные',
        translated: true,
      });
    });
  });

  describe('top resources', () => {
    it('shows the curated 20 in order, with English as the list of locales without one of their own', async () => {
      const ranked = SEED_ARTICLES.filter((a) => a.topResourceRank).sort((a, b) => a.topResourceRank! - b.topResourceRank!);
      const english = await get('/v1/top-resources?locale=en');
      expect(english.status).toBe(200);
      expect(english.body.listLocale).toBe('en');
      expect(english.body.items.map((i: { slug: string }) => i.slug)).toEqual(ranked.map((a) => a.slug));
      expect(english.body.items.map((i: { position: number }) => i.position)).toEqual(ranked.map((_, i) => i + 1));

      const russian = await get('/v1/top-resources?locale=ru');
      expect(russian.body).toMatchObject({ requestedLocale: 'ru', listLocale: 'en' });
      expect(russian.body.items).toHaveLength(20);
      for (const [index, item] of russian.body.items.entries()) {
        const seeded = ranked[index];
        expect(item).toMatchObject({
          slug: seeded.slug,
          translated: !!seeded.translations.ru,
          locale: seeded.translations.ru ? 'ru' : 'en',
        });
      }
    });

    it('lets an admin set a locale its own list, validated', async () => {
      const put = await asAdmin('PUT', '/v1/top-resources/fr', {
        articles: ['use-the-waiting-room', 'virtual-background', 'contact-support'],
      });
      expect(put.status).toBe(200);
      expect(put.body.items.map((i: { slug: string }) => i.slug)).toEqual([
        'use-the-waiting-room',
        'virtual-background',
        'contact-support',
      ]);
      const french = await get('/v1/top-resources?locale=fr');
      expect(french.body).toMatchObject({ listLocale: 'fr' });
      expect(french.body.items.map((i: { slug: string }) => i.slug)).toEqual([
        'use-the-waiting-room',
        'virtual-background',
        'contact-support',
      ]);
      expect((await get('/v1/top-resources?locale=en')).body.items).toHaveLength(20);

      const tooMany = await asAdmin('PUT', '/v1/top-resources/fr', { articles: SEED_ARTICLES.slice(0, 21).map((a) => a.slug) });
      expect(tooMany).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
      const unknown = await asAdmin('PUT', '/v1/top-resources/fr', { articles: ['no-such-article'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'articles[0]', problems: [expect.stringMatching(/no-such-article/)] }]);
      const twice = await asAdmin('PUT', '/v1/top-resources/fr', { articles: ['contact-support', 'contact-support'] });
      expect(twice.body.errors[0].field).toBe('articles[1]');
      expect((await asAdmin('PUT', '/v1/top-resources/xx', { articles: [] })).status).toBe(400);

      const cleared = await asAdmin('PUT', '/v1/top-resources/fr', { articles: [] });
      expect(cleared.body.items).toEqual([]);
      expect((await get('/v1/top-resources?locale=fr')).body.listLocale).toBe('en');
    });
  });

  describe('admin writes', () => {
    it.each([
      ['POST', '/v1/articles'],
      ['PATCH', '/v1/articles/fix-audio-echo'],
      ['PUT', '/v1/articles/fix-audio-echo/translations/fr'],
      ['POST', '/v1/articles/fix-audio-echo/publish'],
      ['POST', '/v1/articles/fix-audio-echo/unpublish'],
      ['POST', '/v1/categories'],
      ['PUT', '/v1/top-resources/en'],
      ['GET', '/v1/admin/articles'],
      ['GET', '/v1/admin/stats/deflection'],
      ['GET', '/v1/admin/stats/missing-translations'],
    ])('%s %s: 401 without a token, 403 for customers and agents', async (method, path) => {
      const body = method === 'GET' ? undefined : {};
      expect((await request(method, `${kb}${path}`, { body })).status).toBe(401);
      expect((await request(method, `${kb}${path}`, { body, token: 'not-a-jwt' })).status).toBe(401);
      expect((await request(method, `${kb}${path}`, { body, token: customer })).status).toBe(403);
      expect((await request(method, `${kb}${path}`, { body, token: agent })).status).toBe(403);
    });

    it.each([
      ['no title', { title: undefined }, 'title'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['markup in the title', { title: 'Fix <script>alert(1)</script>' }, 'title'],
      ['an unknown kind', { kind: 'blog' }, 'kind'],
      ['an unknown audience', { audience: 'robots' }, 'audience'],
      ['a body over 200 KiB', { body: 'é'.repeat(110 * 1024) }, 'body'],
      ['a body of nothing but script', { body: '<script>alert(1)</script>' }, 'body'],
      ['a release date on a tutorial', { kind: 'tutorial', releasedOn: '2026-05-01' }, 'releasedOn'],
      ['a release note without a date', { kind: 'release_note' }, 'releasedOn'],
      ['an impossible date', { kind: 'release_note', releasedOn: '2026-02-30' }, 'releasedOn'],
      ['a malformed error code', { errorCodes: ['12', '5003'] }, 'errorCodes[0]'],
      ['a video that is not https', { videoUrl: 'http://videos.example.com/x' }, 'videoUrl'],
      ['a source in another locale', { locale: 'fr' }, 'locale'],
      ['a bad slug', { slug: 'Not A Slug' }, 'slug'],
      ['an unknown section', { section: 'nowhere' }, null],
      ['an unknown field', { script: 'x' }, 'script'],
    ])('refuses an article with %s (400 naming the field)', async (_, change, field) => {
      const body = {
        category: 'audio-video',
        section: 'audio',
        kind: 'faq',
        audience: 'everyone',
        title: 'Valid title',
        body: 'Valid body.',
        ...change,
      };
      const response = await asAdmin('POST', '/v1/articles', body);
      if (field === null) {
        expect(response).toMatchObject({ status: 404, body: { code: 'section_not_found' } });
        return;
      }
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a request body larger than any article with 413', async () => {
      const response = await asAdmin('POST', '/v1/articles', { title: 'Huge', body: 'x'.repeat(2 * 1024 * 1024) });
      expect(response.status).toBe(413);
    });

    it('refuses bad translations, categories and duplicate slugs', async () => {
      expect((await asAdmin('PUT', '/v1/articles/fix-audio-echo/translations/xx', { title: 'T', body: 'B' })).status).toBe(400);
      expect((await asAdmin('PUT', '/v1/articles/fix-audio-echo/translations/de', { title: '', body: 'B' })).body.errors[0].field).toBe(
        'title',
      );
      expect((await asAdmin('DELETE', '/v1/articles/fix-audio-echo/translations/en')).status).toBe(400);
      expect((await asAdmin('PUT', '/v1/articles/no-such-article/translations/de', { title: 'T', body: 'B' })).status).toBe(404);
      expect((await asAdmin('POST', '/v1/categories', { slug: 'audio-video', title: 'Again' })).body.code).toBe('slug_taken');
      expect(
        (await asAdmin('POST', '/v1/categories', { slug: 'new topic', title: '<b>x</b>' })).body.errors.map(
          (e: { field: string }) => e.field,
        ),
      ).toEqual(['slug', 'title']);
      const duplicate = await asAdmin('POST', '/v1/articles', {
        slug: 'fix-audio-echo',
        category: 'audio-video',
        section: 'audio',
        kind: 'faq',
        audience: 'everyone',
        title: 'T',
        body: 'B',
      });
      expect(duplicate).toMatchObject({ status: 409, body: { code: 'slug_taken' } });
    });

    it('sanitises bodies so that no script reaches a reader, in the article or in search snippets', async () => {
      const article = await publishedArticle({
        title: 'Headset zaps crackle',
        body: [
          'Crackling headset? <script>alert("xss")</script>Replug it.',
          '<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">click</a> [also](javascript:alert(3))',
          '<iframe src="https://evil.example.com/x"></iframe><p onclick="steal()" style="position:fixed">zaps</p>',
          '<svg onload="alert(4)"></svg><object data="x.swf"></object>',
        ].join('\n\n'),
      });
      const read = await get(`/v1/articles/${article.id}`);
      expect(read.status).toBe(200);
      const body: string = read.body.body;
      expect(body).toContain('Replug it.');
      expect(body).toContain('zaps');
      // a neutralised Markdown link may keep the text "javascript:" after a "#": a fragment, not a script
      const unsafeMarkup = [/<script/i, /alert\("xss"\)/, /onerror/i, /(href|src)\s*=\s*["']?\s*javascript:/i, /\]\(\s*javascript:/i];
      for (const unsafe of [...unsafeMarkup, /onclick/i, /style=/i, /evil\.example/, /<svg/i, /<object/i, /onload/i, /<iframe/i]) {
        expect(body).not.toMatch(unsafe);
      }
      const stored = await queryDatabase<{ body: string }>(
        stack.database('knowledge-base'),
        'SELECT body FROM kb_article_translation WHERE article_id = ?',
        [article.id],
      );
      expect(stored[0].body).toBe(body);

      const found = await search({ q: 'zaps', locale: 'en' });
      const hit = found.body.items.find((i: { id: string }) => i.id === article.id);
      expect(hit.snippet).not.toMatch(/<script|onerror|javascript:/i);
      expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('publishes through the outbox: a draft is hidden, publishing announces each locale, unpublishing hides it again', async () => {
      const correlationId = `publish-${Date.now()}`;
      const created = await asAdmin('POST', '/v1/articles', {
        category: 'meetings-webinars',
        section: 'recording',
        kind: 'tutorial',
        audience: 'everyone',
        videoUrl: 'https://videos.example.com/meetly/tutorials/cloud-transcripts',
        title: 'Cloud transcripts for recordings',
        body: 'Turn on **Transcripts** in the recording settings.',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', version: 1, slug: 'cloud-transcripts-for-recordings' });
      const id: string = created.body.id;
      await asAdmin('PUT', `/v1/articles/${id}/translations/fr`, {
        title: 'Transcriptions des enregistrements cloud',
        body: 'Activez **Transcriptions**.',
      });
      expect((await get(`/v1/articles/${id}`)).status).toBe(404);
      expect((await search({ q: 'transcripts' })).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect(probe.events(PUBLISHED, id)).toHaveLength(0);

      const published = await request('POST', `${kb}/v1/articles/${id}/publish`, {
        token: admin,
        headers: { 'x-correlation-id': correlationId },
      });
      expect(published.body).toMatchObject({ status: 'published', version: 2 });
      const en = await probe.waitForEvent<any>(PUBLISHED, (e) => e.subject === id && e.data.locale === 'en');
      const fr = await probe.waitForEvent<any>(PUBLISHED, (e) => e.subject === id && e.data.locale === 'fr');
      expect(en.data).toMatchObject({
        articleId: id,
        slug: 'cloud-transcripts-for-recordings',
        title: 'Cloud transcripts for recordings',
        kind: 'tutorial',
        category: 'meetings-webinars',
        version: 2,
      });
      expect(fr.data.title).toBe('Transcriptions des enregistrements cloud');
      expect(en.correlationid).toBe(correlationId);
      const keys = probe.messages.filter((m) => m.event?.subject === id).map((m) => m.key);
      expect(new Set(keys)).toEqual(new Set([id]));

      expect((await get(`/v1/articles/${id}?locale=fr`)).body).toMatchObject({
        translated: true,
        videoUrl: 'https://videos.example.com/meetly/tutorials/cloud-transcripts',
      });
      expect((await search({ q: 'transcripts' })).body.items[0].id).toBe(id);
      // publishing again changes nothing and announces nothing
      await asAdmin('POST', `/v1/articles/${id}/publish`);

      // a change to a live article goes out as a new version of the locale it touches
      await asAdmin('PUT', `/v1/articles/${id}/translations/fr`, {
        title: 'Transcriptions des enregistrements',
        body: 'Activez **Transcriptions** dans les réglages.',
      });
      const update = await probe.waitForEvent<any>(PUBLISHED, (e) => e.subject === id && e.data.version === 3);
      expect(update.data).toMatchObject({ locale: 'fr', title: 'Transcriptions des enregistrements' });
      expect(probe.events(PUBLISHED, id)).toHaveLength(3);

      expect((await asAdmin('POST', `/v1/articles/${id}/unpublish`)).body.status).toBe('draft');
      expect((await get(`/v1/articles/${id}`)).status).toBe(404);
      const drafts = await request('GET', `${kb}/v1/admin/articles?status=draft`, { token: admin });
      expect(drafts.body.items.map((i: { id: string }) => i.id)).toContain(id);
    });

    it('changes what an article is, keeping its error codes searchable', async () => {
      const article = await publishedArticle({ kind: 'troubleshooting', title: 'Headset error', errorCodes: ['4711'] });
      expect((await search({ q: '4711' })).body.items[0].id).toBe(article.id);
      const patched = await asAdmin('PATCH', `/v1/articles/${article.id}`, { errorCodes: ['4712'], audience: 'users_participants' });
      expect(patched.body).toMatchObject({ errorCodes: ['4712'], audience: 'users_participants' });
      expect((await search({ q: '4712' })).body.items[0].id).toBe(article.id);
      expect((await search({ q: '4711' })).body.items.map((i: { id: string }) => i.id)).not.toContain(article.id);
      expect((await asAdmin('PATCH', `/v1/articles/${article.id}`, { releasedOn: '2026-01-01' })).body.errors[0].field).toBe('releasedOn');
    });
  });

  describe('views, votes and missing translations', () => {
    it('counts reads in buffered batches and reports the translations readers are missing', async () => {
      const article = await publishedArticle(
        { title: 'Headset echo on mobile' },
        { fr: { title: 'Écho du casque sur mobile', body: 'Rebranchez le casque.' } },
      );
      for (let i = 0; i < 3; i += 1) expect((await get(`/v1/articles/${article.id}?locale=ru`)).body.translated).toBe(false);
      await get(`/v1/articles/${article.id}?locale=de`);
      await get(`/v1/articles/${article.id}?locale=fr`);
      await get(`/v1/articles/${article.id}`);

      const view = await waitFor(async () => {
        const response = await request('GET', `${kb}/v1/admin/articles/${article.id}`, { token: admin });
        return response.body.views.total === 6 ? response.body : null;
      });
      expect(view.views).toEqual({ total: 6, byRequestedLocale: { ru: 3, de: 1, fr: 1, en: 1 }, servedInEnglishFallback: 4 });

      const missing = await request('GET', `${kb}/v1/admin/stats/missing-translations?limit=500`, { token: admin });
      expect(missing.status).toBe(200);
      const mine = missing.body.items.filter((i: { articleId: string }) => i.articleId === article.id);
      expect(mine).toEqual([
        expect.objectContaining({ locale: 'ru', fallbackReads: 3, slug: article.slug }),
        expect.objectContaining({ locale: 'de', fallbackReads: 1 }),
      ]);
      const onlyGerman = await request('GET', `${kb}/v1/admin/stats/missing-translations?locale=de&limit=500`, { token: admin });
      for (const item of onlyGerman.body.items) expect(item.locale).toBe('de');

      // once translated, it is no longer missing
      await asAdmin('PUT', `/v1/articles/${article.id}/translations/ru`, {
        title: 'Эхо гарнитуры на телефоне',
        body: 'Переподключите гарнитуру.',
      });
      const after = await request('GET', `${kb}/v1/admin/stats/missing-translations?locale=ru&limit=500`, { token: admin });
      expect(after.body.items.map((i: { articleId: string }) => i.articleId)).not.toContain(article.id);
      expect((await request('GET', `${kb}/v1/admin/stats/missing-translations?locale=xx`, { token: admin })).status).toBe(400);
    });

    it('keeps one helpful / not helpful vote per signed-in reader', async () => {
      const article = await publishedArticle();
      const path = `${kb}/v1/articles/${article.id}/votes`;
      expect((await request('POST', path, { body: { helpful: true } })).status).toBe(401);
      expect((await request('POST', path, { token: customer, body: { helpful: 'yes' } })).status).toBe(400);
      expect((await request('POST', path, { token: customer, body: { helpful: true } })).body).toMatchObject({ helpful: 1, notHelpful: 0 });
      expect((await request('POST', path, { token: customer, body: { helpful: true } })).body).toMatchObject({ helpful: 1, notHelpful: 0 });
      expect((await request('POST', path, { token: customer, body: { helpful: false } })).body).toMatchObject({
        helpful: 0,
        notHelpful: 1,
        yourVote: 'not_helpful',
      });
      expect((await request('POST', path, { token: otherCustomer, body: { helpful: true, locale: 'fr' } })).body).toMatchObject({
        helpful: 1,
        notHelpful: 1,
      });
      expect((await get(`/v1/articles/${article.id}`)).body.votes).toEqual({ helpful: 1, notHelpful: 1 });
      expect((await request('POST', `${kb}/v1/articles/no-such-article/votes`, { token: customer, body: { helpful: true } })).status).toBe(
        404,
      );
    });
  });
});
