import {
  queryDatabase,
  request,
  ServiceStack,
  signToken,
  startMockKafka,
  waitFor,
  type JsonResponse,
  type RunningBroker,
} from '@support/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENTITLEMENTS, KNOWLEDGE_BASE, SLA, TICKETING } from '../src/services';
import { publishEchoArticle } from './support/help-center-content';

/**
 * Tenant isolation, walked over every route the four services document: a customer is
 * (account, user). The same user id in another account must not read, list or change anything
 * of the real customer's, and a customer token without an account is refused everywhere.
 */

const SUB = 'shared-user';
const VICTIM_ACCOUNT = 'acct-victim';
const INTRUDER_ACCOUNT = 'acct-intruder';
const CATEGORY = 'tenant-audio';
const SECTION = 'echo';
/**
 * The id sent for a path parameter of a staff-only route that this test holds no real record for
 * (a hotline, a policy): such a route must answer 403 to any customer whatever the id, which the
 * test checks; a well-formed UUIDv7 no record has.
 */
const UNKNOWN_RECORD_ID = '01900000-0000-7000-8000-000000000000';
const SERVICES = ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'] as const;
type ServiceName = (typeof SERVICES)[number];

/**
 * Routes a customer of another account may use with success: they hold nothing of the real
 * customer's (the help center, the plan catalogue), or act on the caller's own data (filing
 * and listing their own tickets, their own typed suggestions and votes). Everything else must
 * answer 4xx to the intruder. A new route that answers 2xx fails here until it is judged.
 */
const NOT_ACCOUNT_OWNED = new Set([
  'ticketing GET /v1/tickets', // filtered to the caller's own (account, user)
  'ticketing POST /v1/tickets', // files in the caller's own account
  'entitlements GET /v1/plans',
  'entitlements GET /v1/plans/{plan}',
  'knowledge-base GET /v1/articles',
  'knowledge-base GET /v1/articles/{article}',
  'knowledge-base GET /v1/articles/autocomplete',
  'knowledge-base POST /v1/articles/{article}/votes', // the caller's own vote
  'knowledge-base GET /v1/categories',
  'knowledge-base GET /v1/top-resources',
  'knowledge-base POST /v1/suggestions', // a new typed set of the caller's own
]);

/** Reads of one resource of the real customer's: another account gets 404 there, never 403. */
const OWNED_SINGLE_RESOURCES = [
  /^ticketing GET \/v1\/tickets\/\{id\}/,
  /^sla-escalation GET \/v1\/tickets\/\{ticketId\}/,
  /^knowledge-base GET \/v1\/suggestions\/\{suggestionId\}/,
];

/** Health answers everyone; it is not customer data. */
const isHealth = (route: string) => route.includes(' /health/');

interface Operation {
  service: ServiceName;
  method: string;
  template: string;
  pathParams: string[];
  query: Array<{ name: string; required: boolean }>;
  multipart: string | null;
  hasBody: boolean;
  key: string;
}

interface Victim {
  ticketId: string;
  subject: string;
  commentBody: string;
  attachmentId: string;
  ticketSuggestionId: string;
  typedSuggestionId: string;
  shownArticleId: string;
}

describe('tenant isolation over every documented route (four services, real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let attachmentsDir: string;
  let admin: string;
  let victimToken: string;
  let intruderToken: string;
  let accountlessToken: string;
  let victim: Victim;
  let operations: Operation[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'tenant');
    attachmentsDir = await mkdtemp(path.join(tmpdir(), 'tenant-attachments-'));
    await Promise.all([
      stack.start(...TICKETING, { ATTACHMENTS_DIR: attachmentsDir }),
      stack.start(...ENTITLEMENTS),
      stack.start(...SLA),
      stack.start(...KNOWLEDGE_BASE),
    ]);
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    await publishEchoArticle(stack.url('knowledge-base'), admin, CATEGORY, SECTION);
    victimToken = await signToken({ sub: SUB, role: 'customer', account_id: VICTIM_ACCOUNT });
    intruderToken = await signToken({ sub: SUB, role: 'customer', account_id: INTRUDER_ACCOUNT });
    accountlessToken = await signToken({ sub: SUB, role: 'customer', account_id: null });

    // both accounts are real Pro customers, and the same user id is the owner of each
    for (const account of [VICTIM_ACCOUNT, INTRUDER_ACCOUNT]) {
      expect((await call('entitlements', 'PUT', `/v1/accounts/${account}`, admin, { name: account, plan: 'pro' })).status).toBe(201);
      expect((await call('entitlements', 'PUT', `/v1/accounts/${account}/users/${SUB}`, admin, { role: 'owner' })).status).toBe(200);
    }
    victim = await victimData();

    const policies = await call('sla-escalation', 'GET', '/v1/policies', admin);
    expect(policies.status).toBe(200);
    ids.policyId = policies.body.policies[0].id;
    operations = (await Promise.all(SERVICES.map(documentedOperations))).flat();
  }, 300_000);

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
    if (attachmentsDir) await rm(attachmentsDir, { recursive: true, force: true });
  });

  function call(service: ServiceName, method: string, route: string, token: string | undefined, body?: unknown): Promise<JsonResponse> {
    return request(method, `${stack.url(service)}${route}`, { token, body });
  }

  /** A category, a section and a published article that answers "echo" questions. */
  /** The real customer's ticket with a comment, a file, its SLA clock and suggestions, and a typed suggestion set. */
  async function victimData(): Promise<Victim> {
    const subject = 'Echo in every meeting (victim-marker-7f3a)';
    const filed = await call('ticketing', 'POST', '/v1/tickets', victimToken, {
      subject,
      description: 'Participants hear an echo of their own voice in meeting 123 456 789.',
      priority: 'urgent',
      device: 'desktop',
    });
    expect(filed.status).toBe(201);
    const ticketId: string = filed.body.id;
    const commentBody = 'private detail victim-marker-c0mm';
    expect((await call('ticketing', 'POST', `/v1/tickets/${ticketId}/comments`, victimToken, { body: commentBody })).status).toBe(201);
    const upload = await uploadFile(ticketId, victimToken, 'victim-notes.txt');
    expect(upload.status).toBe(201);
    // waiting for the requester: the one state from which the requester may move it (back to open)
    expect((await call('ticketing', 'PATCH', `/v1/tickets/${ticketId}`, admin, { status: 'pending' })).status).toBe(200);

    await waitFor(async () => (await call('sla-escalation', 'GET', `/v1/tickets/${ticketId}/sla`, victimToken)).status === 200, {
      timeoutMs: 60_000,
      description: 'the SLA view of the ticket',
    });
    const ticketSuggestion = await waitFor(
      async () => {
        const set = await call('knowledge-base', 'GET', `/v1/suggestions?ticketId=${ticketId}`, victimToken);
        return set.status === 200 ? set.body : null;
      },
      { timeoutMs: 60_000, description: 'the suggestions for the ticket' },
    );
    const typed = await call('knowledge-base', 'POST', '/v1/suggestions', victimToken, { text: 'echo in my meetings', locale: 'en' });
    expect(typed.status).toBe(200);
    expect(typed.body.suggestionId).toEqual(expect.any(String));
    const shownArticleId: string = typed.body.articles[0].id;
    const marked = await call('knowledge-base', 'POST', `/v1/suggestions/${typed.body.suggestionId}/answer`, victimToken, {
      articleId: shownArticleId,
    });
    expect(marked.status).toBe(200);
    expect((await call('knowledge-base', 'POST', `/v1/articles/${shownArticleId}/votes`, victimToken, { helpful: true })).status).toBe(200);
    return {
      ticketId,
      subject,
      commentBody,
      attachmentId: upload.body.id,
      ticketSuggestionId: ticketSuggestion.id,
      typedSuggestionId: typed.body.suggestionId,
      shownArticleId,
    };
  }

  async function uploadFile(ticketId: string, token: string, filename: string, field = 'file'): Promise<JsonResponse> {
    const form = new FormData();
    form.append(field, new Blob([Buffer.from(`notes of ${filename}`)], { type: 'text/plain' }), filename);
    const response = await fetch(`${stack.url('ticketing')}/v1/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** Every operation of the service's OpenAPI document (served at /docs/json). */
  async function documentedOperations(service: ServiceName): Promise<Operation[]> {
    const response = await fetch(`${stack.url(service)}/docs/json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, any>> };
    const found: Operation[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const parameters: Array<{ in: string; name: string; required?: boolean }> = operation.parameters ?? [];
        const content = operation.requestBody?.content ?? {};
        const multipartSchema = content['multipart/form-data']?.schema;
        found.push({
          service,
          method: method.toUpperCase(),
          template,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true })),
          multipart: multipartSchema ? Object.keys(multipartSchema.properties ?? { file: {} })[0] : null,
          hasBody: operation.requestBody !== undefined,
          key: `${service} ${method.toUpperCase()} ${template}`,
        });
      }
    }
    expect(found.length).toBeGreaterThan(0);
    return found;
  }

  /**
   * Real ids of the real customer's resources (and of the catalogue) for each path parameter;
   * null for a parameter this test has no id for (then the route must be closed to customers).
   */
  function pathValues(operation: Operation, name: string): string[] | null {
    const byService: Record<ServiceName, Record<string, string[]>> = {
      ticketing: { id: [victim.ticketId], attachmentId: [victim.attachmentId] },
      entitlements: { accountId: [VICTIM_ACCOUNT], userId: [SUB], plan: ['pro'], version: ['1'], ticketId: [victim.ticketId] },
      'sla-escalation': { ticketId: [victim.ticketId], id: [ids.policyId] },
      'knowledge-base': {
        article: [victim.shownArticleId],
        locale: ['en'],
        category: [CATEGORY],
        section: [SECTION],
        suggestionId: [victim.typedSuggestionId, victim.ticketSuggestionId],
      },
    };
    return byService[operation.service][name] ?? null;
  }

  function queryValue(operation: Operation, name: string, required: boolean): string | undefined {
    const now = Date.now();
    const known: Record<string, string> = {
      ticketId: victim.ticketId,
      userId: SUB,
      requester: SUB,
      account: VICTIM_ACCOUNT,
      locale: 'en',
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
      since: new Date(now - 86_400_000).toISOString(),
      // the help center's typed search (autocomplete): a prefix of the victim's ticket words
      q: 'echo',
    };
    if (known[name] !== undefined) return known[name];
    if (required) throw new Error(`${operation.key}: no value known for the required query parameter "${name}"; add it to this test`);
    return undefined;
  }

  /** A body that would succeed for the owner, so that only the ownership check can refuse it. */
  function bodyFor(operation: Operation): unknown {
    const bodies: Record<string, unknown> = {
      'ticketing POST /v1/tickets': {
        subject: 'my own ticket',
        description: 'Nothing to do with anyone else.',
        priority: 'low',
        device: 'web',
      },
      'ticketing PATCH /v1/tickets/{id}': { status: 'open' },
      'ticketing POST /v1/tickets/{id}/comments': { body: 'written by the intruder', public: true },
      'knowledge-base POST /v1/suggestions': { text: 'echo in my meetings', locale: 'en' },
      'knowledge-base POST /v1/suggestions/{suggestionId}/answer': { articleId: victim.shownArticleId },
      'knowledge-base POST /v1/articles/{article}/votes': { helpful: false },
    };
    return bodies[operation.key] ?? (operation.hasBody ? {} : undefined);
  }

  /**
   * Sends the operation once per combination of path values; answers each with the concrete
   * route, and whether `UNKNOWN_RECORD_ID` was sent for an id this test holds no record for.
   */
  async function exercise(
    operation: Operation,
    token: string,
  ): Promise<Array<{ route: string; response: JsonResponse; unknownId: boolean }>> {
    let routes = [operation.template];
    let unknownId = false;
    for (const name of operation.pathParams) {
      const values = pathValues(operation, name);
      if (values === null) unknownId = true;
      routes = routes.flatMap((route) =>
        (values ?? [UNKNOWN_RECORD_ID]).map((value) => route.replace(`{${name}}`, encodeURIComponent(value))),
      );
    }
    const search = new URLSearchParams();
    for (const { name, required } of operation.query) {
      const value = queryValue(operation, name, required);
      if (value !== undefined) search.set(name, value);
    }
    const suffix = search.size > 0 ? `?${search}` : '';
    const results: Array<{ route: string; response: JsonResponse; unknownId: boolean }> = [];
    for (const route of routes) {
      const response =
        operation.multipart !== null
          ? await uploadFile(victim.ticketId, token, 'intruder.txt', operation.multipart)
          : await call(operation.service, operation.method, `${route}${suffix}`, token, bodyFor(operation));
      results.push({ route: `${operation.method} ${route}${suffix}`, response, unknownId });
    }
    return results;
  }

  it('documents the routes of all four services', () => {
    const services = new Set(operations.map((operation) => operation.service));
    expect([...services].sort()).toEqual([...SERVICES].sort());
    expect(operations.map((o) => o.key)).toEqual(
      expect.arrayContaining([
        'ticketing GET /v1/tickets/{id}',
        'sla-escalation GET /v1/tickets/{ticketId}/sla',
        'knowledge-base GET /v1/suggestions',
      ]),
    );
  });

  it("gives the same user id in another account nothing of the real customer's, on every route", async () => {
    const secrets = [
      victim.ticketId,
      victim.subject,
      victim.commentBody,
      victim.attachmentId,
      victim.ticketSuggestionId,
      victim.typedSuggestionId,
    ];
    const problems: string[] = [];
    for (const operation of operations) {
      for (const { route, response, unknownId } of await exercise(operation, intruderToken)) {
        const where = `${operation.service} ${route} → ${response.status}`;
        // a route this test has no real id for must be closed to customers by role, whatever the id
        if (unknownId && response.status !== 403) {
          problems.push(`${where}: customers reach this route; give its path parameters real ids in this test`);
        }
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        // an id the caller sent may be named back ("ticket … was not found"); anything else is a leak
        const leaked = secrets.filter((secret) => text.includes(secret) && !route.includes(secret));
        if (response.status >= 500) problems.push(`${where}: server error ${text.slice(0, 200)}`);
        if (leaked.length > 0) problems.push(`${where}: answered the real customer's ${leaked.join(', ')}`);
        const ok = response.status >= 200 && response.status < 300;
        if (ok && !NOT_ACCOUNT_OWNED.has(operation.key) && !isHealth(` ${operation.template}`)) {
          problems.push(`${where}: succeeded on a route that is not listed as free of account-owned data`);
        }
        // single resources of the real customer are "not found" (not "forbidden"), so ids leak nothing
        if (OWNED_SINGLE_RESOURCES.some((pattern) => pattern.test(operation.key)) && response.status !== 404) {
          problems.push(`${where}: expected 404 for the real customer's resource`);
        }
      }
    }
    expect(problems).toEqual([]);

    // nothing of the real customer's changed
    const ticket = await call('ticketing', 'GET', `/v1/tickets/${victim.ticketId}`, victimToken);
    expect(ticket.status).toBe(200);
    expect(ticket.body.status).toBe('pending');
    expect(ticket.body.comments).toHaveLength(1);
    expect(ticket.body.attachments).toHaveLength(1);
    expect(JSON.stringify(ticket.body)).not.toContain('intruder');
    const typed = await call('knowledge-base', 'GET', `/v1/suggestions/${victim.typedSuggestionId}`, victimToken);
    expect(typed.body.answeredArticleId).toBe(victim.shownArticleId);
    const votes = await queryDatabase<{ voter_account_id: string; helpful: number }>(
      stack.database('knowledge-base'),
      'SELECT voter_account_id, helpful FROM kb_article_vote WHERE user_id = ? ORDER BY voter_account_id',
      [SUB],
    );
    expect(votes).toEqual([
      { voter_account_id: INTRUDER_ACCOUNT, helpful: 0 },
      { voter_account_id: VICTIM_ACCOUNT, helpful: 1 },
    ]);

    // the intruder's own ticket is stored in the intruder's account, and lists show each only their own
    const rows = await queryDatabase<{ id: string; account_id: string | null }>(
      stack.database('ticketing'),
      'SELECT id, account_id FROM ticket WHERE requester_id = ? ORDER BY id',
      [SUB],
    );
    expect(rows.map((row) => row.account_id).sort()).toEqual([INTRUDER_ACCOUNT, VICTIM_ACCOUNT]);
    const intruderList = await call('ticketing', 'GET', '/v1/tickets', intruderToken);
    expect(intruderList.body.items.map((t: { id: string }) => t.id)).toEqual([rows.find((r) => r.account_id === INTRUDER_ACCOUNT)?.id]);
    const victimList = await call('ticketing', 'GET', '/v1/tickets', victimToken);
    expect(victimList.body.items.map((t: { id: string }) => t.id)).toEqual([victim.ticketId]);
  });

  it('refuses a customer token without account_id with 401 on every route, and stores nothing', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      for (const { route, response } of await exercise(operation, accountlessToken)) {
        if (response.status !== 401) problems.push(`${operation.service} ${route} → ${response.status}, expected 401`);
        else if (!/account_id/.test(response.body?.message ?? ''))
          problems.push(`${operation.service} ${route}: the 401 does not name account_id`);
      }
    }
    expect(problems).toEqual([]);
    const unscoped = await queryDatabase<{ n: number }>(
      stack.database('ticketing'),
      'SELECT COUNT(*) AS n FROM ticket WHERE account_id IS NULL',
    );
    expect(Number(unscoped[0].n)).toBe(0);
  });
});
