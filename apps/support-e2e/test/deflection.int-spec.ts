import { TOPICS, type KbArticlesSuggestedV1, type SupportEvent } from '@support/contracts';
import {
  EventProbe,
  request,
  ServiceStack,
  signToken,
  startMockKafka,
  TEST_DATABASE_URL,
  waitFor,
  type RunningBroker,
} from '@support/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { KNOWLEDGE_BASE, TICKETING } from '../src/services';

const ROOT = path.resolve(__dirname, '../../..');

/** The demo's seed command (`npx nx run knowledge-base:seed`), run as a process against the test databases. */
async function runSeedCommand(prefix: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', 'apps/knowledge-base/src/seed/seed.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: prefix },
    timeout: 120_000,
  });
  return stdout;
}

const SUGGESTED = 'support.kb.articles_suggested.v1';

describe('a filed ticket gets help-center suggestions (ticketing + knowledge base, real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let requester: string;
  let admin: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.kb, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'deflect');
    await Promise.all([stack.start(...TICKETING), stack.start(...KNOWLEDGE_BASE)]);
    expect(await runSeedCommand(stack.prefix)).toMatch(/knowledge base seeded: \d+ categories, \d+ sections and [1-9]\d* articles created/);
    requester = await signToken({ sub: 'pro-owner', role: 'customer', account_id: 'acct-pro' });
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  async function fileTicket(subject: string, description: string) {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: requester,
      body: { subject, description, priority: 'normal', device: 'desktop' },
    });
    expect(response.status).toBe(201);
    const suggested = await probe.waitForEvent<KbArticlesSuggestedV1>(SUGGESTED, (e) => e.subject === response.body.id);
    return { ticket: response.body as { id: string }, suggested };
  }

  /**
   * The ticket's `suggestedArticles` once ticketing has applied the event; null if it has not
   * within a few seconds (ticketing's side is built separately, so the event is what this asserts).
   */
  async function suggestedOnTicket(ticketId: string, expected: number) {
    return waitFor(
      async () => {
        const response = await request('GET', `${stack.url('ticketing')}/v1/tickets/${ticketId}`, { token: requester });
        const articles = response.body?.suggestedArticles;
        return Array.isArray(articles) && articles.length === expected ? articles : null;
      },
      { timeoutMs: 10_000, description: `suggestions on ticket ${ticketId}` },
    ).catch(() => null);
  }

  function expectShownOnTicket(
    shown: Array<{ articleId: string; slug: string; locale: string }> | null,
    event: SupportEvent<KbArticlesSuggestedV1>,
  ) {
    if (shown === null) return;
    expect(shown.map((a) => [a.articleId, a.slug, a.locale])).toEqual(event.data.suggestions.map((s) => [s.articleId, s.slug, s.locale]));
  }

  it('suggests the articles that answer the ticket, in one correlated flow, and the requester can mark the answer', async () => {
    const { ticket, suggested } = await fileTicket(
      'Echo during my meetings',
      'Everyone hears their own voice coming back when I talk. Meeting 845 2913 4470, this morning around 9:30.',
    );
    expect(suggested.data.locale).toBe('en');
    expect(suggested.data.suggestions[0]).toMatchObject({ slug: 'fix-audio-echo', locale: 'en' });
    const created = await probe.waitForEvent('support.ticket.created.v1', (e) => e.subject === ticket.id);
    expect(suggested.correlationid).toBe(created.correlationid);
    expect(suggested.causationid).toBe(created.id);

    expectShownOnTicket(await suggestedOnTicket(ticket.id, suggested.data.suggestions.length), suggested);

    const kb = stack.url('knowledge-base');
    const set = await request('GET', `${kb}/v1/suggestions?ticketId=${ticket.id}`, { token: requester });
    expect(set.status).toBe(200);
    const answer = suggested.data.suggestions[0].articleId;
    const marked = await request('POST', `${kb}/v1/suggestions/${set.body.id}/answer`, { token: requester, body: { articleId: answer } });
    expect(marked.body).toMatchObject({ ticketId: ticket.id, answeredArticleId: answer });

    const stats = await request('GET', `${kb}/v1/admin/stats/deflection?channel=ticket`, { token: admin });
    expect(stats.body.overall).toMatchObject({ answered: 1 });
    expect(stats.body.byArticle.find((a: { articleId: string }) => a.articleId === answer)).toMatchObject({
      slug: 'fix-audio-echo',
      answered: 1,
    });
  });

  it('matches a ticket written in Russian against the Russian translations', async () => {
    const { ticket, suggested } = await fileTicket('Где номер горячей линии?', 'Подскажите номера горячих линий поддержки.');
    expect(suggested.data.locale).toBe('ru');
    expect(suggested.data.suggestions[0]).toMatchObject({ slug: 'contact-support', locale: 'ru' });
    expectShownOnTicket(await suggestedOnTicket(ticket.id, suggested.data.suggestions.length), suggested);
  });

  it('answers a ticket no article matches with an empty list', async () => {
    const { ticket, suggested } = await fileTicket('Qwxzz vvqk', 'Zzyzx plorf.');
    expect(suggested.data.suggestions).toEqual([]);
    const response = await request('GET', `${stack.url('ticketing')}/v1/tickets/${ticket.id}`, { token: requester });
    expect(response.body.suggestedArticles).toEqual([]);
  });
});
