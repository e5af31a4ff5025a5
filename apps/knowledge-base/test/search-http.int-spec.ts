import { request, ServiceStack, signToken, startMockKafka, TEST_DATABASE_URL, type RunningBroker } from '@support/testing';
import { createKnowledgeBaseApp } from '../src/app';
import { seedKnowledgeBase } from '../src/seed/seed';
import { KNOWLEDGE_BASE_SERVICE } from '../src/service';

describe('language-aware search over HTTP: autocomplete, synonyms maintained by editors, word forms and typos (real MariaDB and Kafka)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let kb: string;
  let admin: string;
  let agent: string;

  const get = (path: string, token?: string) => request('GET', `${kb}${path}`, { token });
  const search = (params: Record<string, string>) => get(`/v1/articles?${new URLSearchParams(params)}`);
  const asAdmin = (method: string, path: string, body?: unknown) => request(method, `${kb}${path}`, { token: admin, body });
  const slugs = (body: { items: Array<{ slug: string }> }) => body.items.map((i) => i.slug);

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'kbsearchhttp');
    kb = (await stack.start(KNOWLEDGE_BASE_SERVICE, createKnowledgeBaseApp)).url;
    await seedKnowledgeBase({ DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: stack.prefix });
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
  }, 300_000);

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
  });

  it('completes titles from a prefix, in the reader’s locale or English, with the earlier words required', async () => {
    const english = await get('/v1/articles/autocomplete?q=waiti&locale=en');
    expect(english.status).toBe(200);
    expect(slugs(english.body)).toContain('use-the-waiting-room');

    const french = await get(`/v1/articles/autocomplete?${new URLSearchParams({ q: 'salle d’att', locale: 'fr' })}`);
    expect(french.body.items[0]).toMatchObject({ slug: 'use-the-waiting-room', locale: 'fr', translated: true });

    const russian = await get(`/v1/articles/autocomplete?${new URLSearchParams({ q: 'эх', locale: 'ru' })}`);
    expect(slugs(russian.body)).toContain('fix-audio-echo');

    for (const bad of ['', '   ', '!!!', 'x'.repeat(101)]) {
      const answer = await get(`/v1/articles/autocomplete?${new URLSearchParams({ q: bad })}`);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
    }
    expect((await get('/v1/articles/autocomplete?q=echo&limit=11')).status).toBe(400);
  });

  it('finds articles through inflected forms, missing accents, ё and typos', async () => {
    expect(slugs((await search({ q: 'настройках камеры', locale: 'ru' })).body).slice(0, 3)).toContain('camera-not-detected');
    expect(slugs((await search({ q: 'arriere-plan virtuel', locale: 'fr' })).body)[0]).toBe('virtual-background');
    expect(slugs((await search({ q: 'screen shring', locale: 'en' })).body).slice(0, 3)).toContain('share-your-screen');
    const snippet = (await search({ q: 'meetings', locale: 'en' })).body.items[0].snippet as string;
    expect(snippet).toMatch(/<mark>meeting/i);
  });

  it('lets editors add, change and remove synonyms, which searches use at once; validated and admin only', async () => {
    const before = await search({ q: 'huddle', locale: 'en' });
    expect(slugs(before.body)).not.toContain('breakout-rooms');

    const created = await asAdmin('POST', '/v1/admin/search/synonyms', { locale: 'en', term: 'huddle', synonyms: ['breakout room'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ locale: 'en', term: 'huddle', synonyms: ['breakout room'], id: expect.any(String) });
    expect(slugs((await search({ q: 'huddle', locale: 'en' })).body)[0]).toBe('breakout-rooms');

    const duplicate = await asAdmin('POST', '/v1/admin/search/synonyms', { locale: 'en', term: 'Huddles', synonyms: ['group'] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('synonym_exists');

    const replaced = await asAdmin('PUT', `/v1/admin/search/synonyms/${created.body.id}`, {
      locale: 'en',
      term: 'huddle',
      synonyms: ['waiting room'],
    });
    expect(replaced.status).toBe(200);
    expect(slugs((await search({ q: 'huddle', locale: 'en' })).body)[0]).toBe('use-the-waiting-room');

    const listed = await asAdmin('GET', '/v1/admin/search/synonyms?locale=en');
    expect(listed.body.items.map((i: { term: string }) => i.term)).toEqual(expect.arrayContaining(['huddle', 'bill']));
    expect((await asAdmin('GET', '/v1/admin/search/synonyms?locale=xx')).status).toBe(400);

    expect((await asAdmin('DELETE', `/v1/admin/search/synonyms/${created.body.id}`)).status).toBe(204);
    expect((await asAdmin('GET', `/v1/admin/search/synonyms/${created.body.id}`)).status).toBe(404);
    expect(slugs((await search({ q: 'huddle', locale: 'en' })).body)).not.toContain('use-the-waiting-room');

    for (const [body, field] of [
      [{ locale: 'xx', term: 'a word', synonyms: ['other'] }, 'locale'],
      [{ locale: 'en', term: 'the', synonyms: ['other'] }, 'term'],
      [{ locale: 'en', term: '<b>bold</b>', synonyms: ['other'] }, 'term'],
      [{ locale: 'en', term: 'headset', synonyms: [] }, 'synonyms'],
      [{ locale: 'en', term: 'headset', synonyms: ['headsets'] }, 'synonyms[0]'],
      [{ locale: 'en', term: 'headset', synonyms: ['one two three four five'] }, 'synonyms[0]'],
    ] as const) {
      const answer = await asAdmin('POST', '/v1/admin/search/synonyms', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(
      (await request('POST', `${kb}/v1/admin/search/synonyms`, { token: agent, body: { locale: 'en', term: 'x', synonyms: ['y'] } }))
        .status,
    ).toBe(403);
    expect((await request('GET', `${kb}/v1/admin/search/synonyms`)).status).toBe(401);
  });
});
