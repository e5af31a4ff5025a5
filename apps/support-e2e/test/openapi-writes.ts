/**
 * One successful call of every write route of the four services, in an order that makes each one
 * succeed: the answers go through the contract test's check (documented status, body valid against
 * the documented schema). Objects a route destroys or reshapes are made here, so the routes the
 * contract test walks afterwards still find the fixture it built.
 */

type Json = Record<string, any>;
type Who = 'customer' | 'agent' | 'admin';

export interface WriteContext {
  /** Calls `METHOD template` with the path parameters filled in; fails the test unless the answer is a documented success that fits its schema. */
  succeed(service: string, method: string, template: string, who: Who, params?: Record<string, string>, body?: unknown): Promise<Json>;
  values: Record<string, Record<string, string>>;
}

export async function callEveryWriteRoute({ succeed, values }: WriteContext): Promise<void> {
  const { id: ticketId } = values['ticketing'];
  await succeed('ticketing', 'PATCH', '/v1/tickets/{id}', 'agent', { id: ticketId }, { priority: 'high', assigneeId: 'agent-openapi' });

  const { accountId } = values['entitlements'];
  // the account exists: a second PUT is an update (200)
  await succeed(
    'entitlements',
    'PUT',
    '/v1/accounts/{accountId}',
    'admin',
    { accountId },
    { name: 'OpenAPI Ltd', plan: 'pro', planEndsAt: '2099-12-31T00:00:00.000Z' },
  );
  const plan = await succeed('entitlements', 'GET', '/v1/plans/{plan}', 'admin', { plan: 'pro' });
  await succeed(
    'entitlements',
    'PUT',
    '/v1/plans/{plan}',
    'admin',
    { plan: 'pro' },
    {
      version: plan.version,
      name: plan.name,
      paid: plan.paid,
      roles: plan.roles,
      slaTargets: plan.slaTargets,
      servicePriority: plan.servicePriority,
    },
  );
  const directory = await succeed('entitlements', 'GET', '/v1/hotlines', 'admin');
  const hotline = { country: 'NL', countryName: 'Netherlands', number: '+31.20.241.0000', extension: '', language: 'nl', tollFree: false };
  await succeed(
    'entitlements',
    'PUT',
    '/v1/hotlines',
    'admin',
    {},
    { version: directory.version, hotlines: [...directory.hotlines, hotline] },
  );

  const { id: policyId } = values['sla-escalation'];
  const policy = await succeed('sla-escalation', 'GET', '/v1/policies/{id}', 'admin', { id: policyId });
  const { name, targets, warningAt, escalation, pausedStatuses, calendar, version } = policy;
  await succeed(
    'sla-escalation',
    'PUT',
    '/v1/policies/{id}',
    'admin',
    { id: policyId },
    { version, name, targets, warningAt, escalation, pausedStatuses, calendar },
  );

  await knowledgeBaseWrites(succeed, values['knowledge-base']);
}

async function knowledgeBaseWrites(succeed: WriteContext['succeed'], values: Record<string, string>): Promise<void> {
  const kb = (method: string, template: string, who: Who, params: Record<string, string> = {}, body?: unknown) =>
    succeed('knowledge-base', method, template, who, params, body);
  const category = 'openapi-writes';
  const section = 'openapi-howl';
  await kb('POST', '/v1/categories', 'admin', {}, { slug: category, title: 'Feedback', description: 'Howling in meetings.' });
  await kb('PATCH', '/v1/categories/{category}', 'admin', { category }, { position: 2 });
  await kb('PUT', '/v1/categories/{category}/translations/{locale}', 'admin', { category, locale: 'fr' }, { title: 'Larsen' });
  await kb('POST', '/v1/categories/{category}/sections', 'admin', { category }, { slug: section, title: 'Howl' });
  await kb('PATCH', '/v1/categories/{category}/sections/{section}', 'admin', { category, section }, { position: 1 });
  await kb(
    'PUT',
    '/v1/categories/{category}/sections/{section}/translations/{locale}',
    'admin',
    { category, section, locale: 'fr' },
    {
      title: 'Sifflement',
    },
  );
  const article = await kb(
    'POST',
    '/v1/articles',
    'admin',
    {},
    {
      category,
      section,
      kind: 'troubleshooting',
      audience: 'everyone',
      title: 'Stop a howl in meetings',
      body: 'A howl comes from two devices in one room: mute one of them, or leave the audio of one.',
    },
  );
  const a = { article: article.id as string };
  // the optional fields of the other kinds
  await kb(
    'POST',
    '/v1/articles',
    'admin',
    {},
    {
      category,
      section,
      kind: 'tutorial',
      audience: 'everyone',
      title: 'Record a howl',
      body: 'Watch.',
      videoUrl: 'https://videos.example.com/embed/howl',
    },
  );
  await kb(
    'POST',
    '/v1/articles',
    'admin',
    {},
    { category, section, kind: 'release_note', audience: 'everyone', title: 'Howl filter', body: 'New.', releasedOn: '2026-11-30' },
  );
  await kb('PATCH', '/v1/articles/{article}', 'admin', a, { errorCodes: ['1008'] });
  await kb(
    'PUT',
    '/v1/articles/{article}/translations/{locale}',
    'admin',
    { ...a, locale: 'fr' },
    { title: 'Arrêter un larsen', body: 'Coupez un micro.' },
  );
  await kb('DELETE', '/v1/articles/{article}/translations/{locale}', 'admin', { ...a, locale: 'fr' });
  await kb('POST', '/v1/articles/{article}/publish', 'admin', a);
  await kb('POST', '/v1/articles/{article}/votes', 'customer', a, { helpful: true, locale: 'en' });
  await kb('POST', '/v1/articles/{article}/unpublish', 'admin', a);
  await kb('POST', '/v1/articles/{article}/publish', 'admin', a);
  await kb('PUT', '/v1/top-resources/{locale}', 'admin', { locale: 'fr' }, { articles: [a.article] });

  const suggestionId = values['suggestionId'];
  await kb('POST', '/v1/suggestions/{suggestionId}/answer', 'customer', { suggestionId }, { articleId: values['article'] });
  await kb('DELETE', '/v1/suggestions/{suggestionId}/answer', 'customer', { suggestionId });

  const synonym = await kb('POST', '/v1/admin/search/synonyms', 'admin', {}, { locale: 'en', term: 'caterwaul', synonyms: ['feedback'] });
  await kb(
    'PUT',
    '/v1/admin/search/synonyms/{id}',
    'admin',
    { id: synonym.id },
    { locale: 'en', term: 'caterwaul', synonyms: ['feedback', 'squeal'] },
  );
  await kb('DELETE', '/v1/admin/search/synonyms/{id}', 'admin', { id: synonym.id });
}
