import {
  createEvent,
  TicketCreated,
  TOPICS,
  type KbArticlesSuggestedV1,
  type SupportEvent,
  type TicketCreatedV1,
} from '@support/contracts';
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
import { randomUUID } from 'node:crypto';
import { createKnowledgeBaseApp } from '../src/app';
import { seedKnowledgeBase } from '../src/seed/seed';
import { KNOWLEDGE_BASE_SERVICE } from '../src/service';

const SUGGESTED = 'support.kb.articles_suggested.v1';

describe('ticket deflection (real MariaDB and Kafka)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let kb: string;
  let admin: string;
  let requester: string;
  let stranger: string;
  let agent: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.kb, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'kbdefl');
    kb = (await stack.start(KNOWLEDGE_BASE_SERVICE, createKnowledgeBaseApp)).url;
    await seedKnowledgeBase({ DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: stack.prefix });
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });
    requester = await signToken({ sub: 'requester-1', role: 'customer', account_id: 'acct-1' });
    stranger = await signToken({ sub: 'requester-2', role: 'customer', account_id: 'acct-2' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  function ticketCreated(subject: string, description: string, requesterId = 'requester-1'): SupportEvent<TicketCreatedV1> {
    const ticketId = randomUUID();
    return createEvent(
      TicketCreated,
      {
        ticketId,
        accountId: 'acct-1',
        requesterId,
        subject,
        description,
        priority: 'normal',
        device: 'desktop',
        ccEmails: [],
        meetingId: null,
        occurredAt: null,
        createdAt: new Date().toISOString(),
      },
      { source: '/support/ticketing', origin: { correlationId: `c-${ticketId}` } },
    );
  }

  async function fileTicket(subject: string, description: string, requesterId?: string) {
    const event = ticketCreated(subject, description, requesterId);
    await probe.publishRaw(TOPICS.tickets, event.data.ticketId, JSON.stringify(event));
    const suggested = await probe.waitForEvent<KbArticlesSuggestedV1>(SUGGESTED, (e) => e.subject === event.data.ticketId);
    return { event, suggested };
  }

  it('answers a new ticket with the best matching articles, on the ticket key, caused by the ticket event', async () => {
    const { event, suggested } = await fileTicket(
      'Echo during every meeting',
      'Participants say they hear their own voice coming back when I speak. Meeting 845 2913 4470, yesterday 10:00.',
    );
    expect(suggested.data).toMatchObject({ ticketId: event.data.ticketId, locale: 'en' });
    expect(suggested.data.suggestions[0]).toMatchObject({ slug: 'fix-audio-echo', locale: 'en', title: expect.stringMatching(/echo/i) });
    expect(suggested.data.suggestions.length).toBeLessThanOrEqual(5);
    for (const s of suggested.data.suggestions) expect(s.score).toBeGreaterThan(0);
    expect(suggested.correlationid).toBe(event.correlationid);
    expect(suggested.causationid).toBe(event.id);
    const message = probe.messages.find((m) => m.event?.id === suggested.id)!;
    expect(message.key).toBe(event.data.ticketId);
  });

  it('matches a ticket written in Russian against the Russian translations, and finds error codes', async () => {
    const { suggested } = await fileTicket('Эхо в конференции', 'Участники слышат эхо, когда я говорю. Что делать?');
    expect(suggested.data.locale).toBe('ru');
    expect(suggested.data.suggestions[0]).toMatchObject({ slug: 'fix-audio-echo', locale: 'ru' });

    const { suggested: byCode } = await fileTicket('Cannot join', 'The app shows error 104101 after a few minutes and drops me.');
    expect(byCode.data.suggestions[0].slug).toBe('error-104101-connection-lost');
  });

  it('still answers a ticket nothing matches, with an empty list', async () => {
    const { suggested } = await fileTicket('Qwxzz vvqk', 'Zzyzx plorf 12 https://example.com/a b@c.de');
    expect(suggested.data.suggestions).toEqual([]);
    const stored = await queryDatabase(stack.database('knowledge-base'), 'SELECT id FROM kb_suggestion WHERE ticket_id = ?', [
      suggested.data.ticketId,
    ]);
    expect(stored).toHaveLength(1);
  });

  it('applies a ticket.created delivered twice once: one suggestion set, one event', async () => {
    const { event } = await fileTicket('Waiting room', 'How do I let people in from the waiting room?');
    await probe.publishRaw(TOPICS.tickets, event.data.ticketId, JSON.stringify(event));
    // a later ticket with the same key lands behind the duplicate on its partition
    const marker = ticketCreated('Virtual background', 'How to blur my background?');
    const sameKey = {
      ...marker,
      data: { ...marker.data, ticketId: `${event.data.ticketId}-marker` },
      subject: `${event.data.ticketId}-marker`,
    };
    await probe.publishRaw(TOPICS.tickets, event.data.ticketId, JSON.stringify(sameKey));
    await probe.waitForEvent(SUGGESTED, (e) => e.subject === sameKey.data.ticketId);
    await waitFor(async () => {
      const rows = await queryDatabase(stack.database('knowledge-base'), 'SELECT COUNT(*) AS n FROM inbox_event WHERE event_id = ?', [
        event.id,
      ]);
      return Number(rows[0].n) === 1;
    });
    const sets = await queryDatabase(stack.database('knowledge-base'), 'SELECT id FROM kb_suggestion WHERE ticket_id = ?', [
      event.data.ticketId,
    ]);
    expect(sets).toHaveLength(1);
    const outbox = await queryDatabase(
      stack.database('knowledge-base'),
      `SELECT id FROM outbox_message WHERE type = '${SUGGESTED}' AND message_key = ?`,
      [event.data.ticketId],
    );
    expect(outbox).toHaveLength(1);
  });

  it('announces the recorded set again when the ticket is re-driven under a new event id, recording nothing new', async () => {
    const { event, suggested } = await fileTicket('Echo in my meetings', 'Everyone hears an echo of their own voice when I unmute.');
    expect(suggested.data.suggestions.length).toBeGreaterThan(0);
    // what ticketing's anti-entropy publishes when the announcement never reached the ticket
    const redrive = { ...event, id: randomUUID(), correlationid: `c-redrive-${event.data.ticketId}` };
    await probe.publishRaw(TOPICS.tickets, event.data.ticketId, JSON.stringify(redrive));
    const again = await probe.waitForEvent<KbArticlesSuggestedV1>(
      SUGGESTED,
      (e) => e.subject === event.data.ticketId && e.causationid === redrive.id,
    );
    expect(again.id).not.toBe(suggested.id);
    expect(again.correlationid).toBe(redrive.correlationid);
    expect(again.data).toEqual(suggested.data);
    const sets = await queryDatabase(stack.database('knowledge-base'), 'SELECT id FROM kb_suggestion WHERE ticket_id = ?', [
      event.data.ticketId,
    ]);
    expect(sets).toHaveLength(1);
  });

  it('parks an invalid ticket event in support.dlq and keeps going', async () => {
    const bad = { ...ticketCreated('x', 'y'), id: `bad-${randomUUID()}` };
    (bad.data as unknown as Record<string, unknown>).priority = 'whenever';
    await probe.publishRaw(TOPICS.tickets, 'kb-bad-1', JSON.stringify(bad));
    const parked = await probe.waitForMessage((m) => m.topic === TOPICS.deadLetter && m.key === 'kb-bad-1');
    expect(parked.headers).toMatchObject({ 'dlq-consumer': 'knowledge-base.tickets', 'dlq-reason': 'invalid_payload' });
    await fileTicket('Camera not detected', 'My camera is not detected by the app.');
  });

  it("lets the ticket's requester mark the suggestion that answered the question, and reports deflection", async () => {
    const { event, suggested } = await fileTicket('Hotline number', 'Which phone hotline can I call for support?');
    const ticketId = event.data.ticketId;
    const answer = suggested.data.suggestions[0];
    expect(answer.slug).toBe('contact-support');

    expect((await request('GET', `${kb}/v1/suggestions?ticketId=${ticketId}`)).status).toBe(401);
    expect((await request('GET', `${kb}/v1/suggestions?ticketId=${ticketId}`, { token: stranger })).status).toBe(404);
    const set = await request('GET', `${kb}/v1/suggestions?ticketId=${ticketId}`, { token: requester });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ channel: 'ticket', ticketId, locale: 'en', answeredArticleId: null });
    expect(set.body.articles.map((a: { articleId: string }) => a.articleId)).toEqual(suggested.data.suggestions.map((s) => s.articleId));
    expect((await request('GET', `${kb}/v1/suggestions?ticketId=${ticketId}`, { token: agent })).status).toBe(200);

    const path = `${kb}/v1/suggestions/${set.body.id}/answer`;
    expect((await request('POST', path, { body: { articleId: answer.articleId } })).status).toBe(401);
    expect((await request('POST', path, { token: stranger, body: { articleId: answer.articleId } })).status).toBe(404);
    expect((await request('POST', path, { token: agent, body: { articleId: answer.articleId } })).status).toBe(404);
    const notShown = await request('POST', path, { token: requester, body: { articleId: 'breakout-rooms' } });
    expect(notShown).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(notShown.body.errors[0].field).toBe('articleId');
    expect((await request('POST', path, { token: requester, body: {} })).status).toBe(400);

    const marked = await request('POST', path, { token: requester, body: { articleId: answer.articleId } });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ answeredArticleId: answer.articleId, answeredAt: expect.any(String) });

    const stats = await request('GET', `${kb}/v1/admin/stats/deflection?channel=ticket&limit=500`, { token: admin });
    expect(stats.status).toBe(200);
    const english = stats.body.byLocale.find((l: { locale: string }) => l.locale === 'en');
    expect(english.answered).toBe(1);
    expect(english.rate).toBeCloseTo(1 / english.shown, 4);
    const article = stats.body.byArticle.find((a: { articleId: string }) => a.articleId === answer.articleId);
    expect(article).toMatchObject({ slug: 'contact-support', answered: 1 });
    expect(article.rate).toBeCloseTo(1 / article.shown, 4);
    expect(stats.body.overall.answered).toBe(1);
    expect((await request('GET', `${kb}/v1/admin/stats/deflection?since=2026-13-01`, { token: admin })).status).toBe(400);
    expect((await request('GET', `${kb}/v1/admin/stats/deflection`, { token: requester })).status).toBe(403);

    const cleared = await request('DELETE', path, { token: requester });
    expect(cleared.body.answeredArticleId).toBeNull();
  });

  it('suggests articles for what a requester types, in their locale, and records the answer mark', async () => {
    const typed = await request('POST', `${kb}/v1/suggestions`, {
      body: { text: 'je veux une salle d’attente pour ma réunion', locale: 'fr' },
    });
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({ requestedLocale: 'fr', suggestionId: expect.any(String) });
    expect(typed.body.articles[0]).toMatchObject({ slug: 'use-the-waiting-room', locale: 'fr', translated: true });
    expect(typed.body.articles[0].snippet).toEqual(expect.any(String));

    const anonymousMark = await request('POST', `${kb}/v1/suggestions/${typed.body.suggestionId}/answer`, {
      body: { articleId: typed.body.articles[0].id },
    });
    expect(anonymousMark).toMatchObject({ status: 200, body: { answeredArticleId: typed.body.articles[0].id } });

    const signedIn = await request('POST', `${kb}/v1/suggestions`, {
      token: requester,
      body: { text: 'breakout rooms' },
      headers: { 'accept-language': 'ru' },
    });
    expect(signedIn.body).toMatchObject({ requestedLocale: 'ru' });
    expect(signedIn.body.articles[0]).toMatchObject({ slug: 'breakout-rooms', locale: 'en', translated: false });
    expect(
      (await request('POST', `${kb}/v1/suggestions/${signedIn.body.suggestionId}/answer`, { body: { articleId: 'breakout-rooms' } }))
        .status,
    ).toBe(401);
    expect(
      (
        await request('POST', `${kb}/v1/suggestions/${signedIn.body.suggestionId}/answer`, {
          token: requester,
          body: { articleId: 'breakout-rooms' },
        })
      ).status,
    ).toBe(200);

    const stats = await request('GET', `${kb}/v1/admin/stats/deflection?channel=typed`, { token: admin });
    expect(stats.body.byLocale).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ locale: 'fr', shown: 1, answered: 1, rate: 1 }),
        expect.objectContaining({ locale: 'ru', shown: 1, answered: 1, rate: 1 }),
      ]),
    );
  });

  it.each([
    ['no text', 400, {}],
    ['text that is not a string', 400, { text: 42 }],
    ['text over 10000 characters', 400, { text: 'x '.repeat(6000) }],
    ['an unknown locale', 400, { text: 'echo', locale: 'xx' }],
    ['an unknown field', 400, { text: 'echo', ticketId: 'x' }],
  ])('answers a suggestion request with %s with %d', async (_, status, body) => {
    const response = await request('POST', `${kb}/v1/suggestions`, { body });
    expect(response.status).toBe(status);
    expect(response.body.code).toEqual(expect.any(String));
  });

  it('answers text with nothing to search for with no suggestions, and records nothing', async () => {
    for (const text of ['', '   ', '+-*<>()~"', 'hello, please help']) {
      const response = await request('POST', `${kb}/v1/suggestions`, { body: { text } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ suggestionId: null, articles: [] });
    }
    expect((await request('GET', `${kb}/v1/suggestions/not-an-id`)).status).toBe(404);
    expect((await request('GET', `${kb}/v1/suggestions/${randomUUID()}`)).status).toBe(404);
  });
});
