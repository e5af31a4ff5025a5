import { request, ServiceStack, signToken, startMockKafka, waitFor, type JsonResponse, type RunningBroker } from '@support/testing';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENTITLEMENTS, KNOWLEDGE_BASE, SLA, TICKETING } from '../src/services';
import { publishEchoArticle } from './support/help-center-content';

/**
 * The committed OpenAPI documents (docs/openapi) against the running services: every route of
 * every document is called without a token, with a token that is not valid, and as a customer,
 * an agent and an admin. Without a token every route but the documented public ones answers 401;
 * every status observed must be one the document lists for the operation; every error body must
 * validate against the shared ApiProblem schema, and every JSON success body against the
 * operation's documented schema (ajv).
 */

type Json = Record<string, any>;
const SERVICES = ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'] as const;
type ServiceName = (typeof SERVICES)[number];
const DOCUMENTS = path.resolve(__dirname, '../../../docs/openapi');
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const ACCOUNT = 'acct-openapi';
const OWNER = 'owner-openapi';
const CATEGORY = 'openapi-audio';
const SECTION = 'openapi-echo';
const UNKNOWN_ID = '01900000-0000-7000-8000-0000000000aa';

interface Operation {
  service: ServiceName;
  method: string;
  template: string;
  operation: Json;
  key: string;
}

/** OpenAPI 3.0 `nullable` as JSON Schema: the schema, or null. */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, example: _example, ...rest } = node as Json;
  const converted: Json = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, ['additionalProperties', 'items', 'allOf', 'anyOf', 'oneOf'].includes(k) ? jsonSchema(v) : v]),
  );
  // maps of schemas: each member is a schema
  for (const map of ['properties']) {
    if (converted[map]) converted[map] = Object.fromEntries(Object.entries(converted[map] as Json).map(([k, v]) => [k, jsonSchema(v)]));
  }
  if (converted['components']?.schemas) {
    converted['components'] = {
      schemas: Object.fromEntries(Object.entries(converted['components'].schemas as Json).map(([k, v]) => [k, jsonSchema(v)])),
    };
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

describe('the OpenAPI documents hold for every route (four services, real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let attachmentsDir: string;
  const documents = new Map<ServiceName, Json>();
  const tokens: Record<'customer' | 'agent' | 'admin', string> = { customer: '', agent: '', admin: '' };
  const values: Record<ServiceName, Record<string, string>> = {
    ticketing: {},
    entitlements: {},
    'sla-escalation': {},
    'knowledge-base': {},
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    for (const service of SERVICES) {
      const document = JSON.parse(readFileSync(path.join(DOCUMENTS, `${service}.json`), 'utf8')) as Json;
      documents.set(service, document);
      ajv.addSchema(jsonSchema({ components: document.components }) as Json, service);
    }
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'openapi');
    attachmentsDir = await mkdtemp(path.join(tmpdir(), 'openapi-attachments-'));
    // this test sends a few hundred requests per token: the budgets are not what it is about
    const budgets = { RATE_LIMIT_PER_PRINCIPAL: '100000', RATE_LIMIT_PER_ADDRESS: '100000' };
    await Promise.all([
      stack.start(...TICKETING, { ATTACHMENTS_DIR: attachmentsDir, ...budgets }),
      stack.start(...ENTITLEMENTS, budgets),
      stack.start(...SLA, budgets),
      stack.start(...KNOWLEDGE_BASE, budgets),
    ]);
    tokens.admin = await signToken({ sub: 'admin-openapi', role: 'admin' });
    tokens.agent = await signToken({ sub: 'agent-openapi', role: 'agent' });
    tokens.customer = await signToken({ sub: OWNER, role: 'customer', account_id: ACCOUNT });
    await realData();
  }, 300_000);

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
    if (attachmentsDir) await rm(attachmentsDir, { recursive: true, force: true });
  });

  function call(
    service: ServiceName,
    method: string,
    route: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<JsonResponse> {
    return request(method, `${stack.url(service)}${route}`, { token, body, headers });
  }

  /** An account, a ticket with a comment and a file, a published article, a typed suggestion: real ids for the path parameters. */
  async function realData(): Promise<void> {
    const admin = tokens.admin;
    expect((await call('entitlements', 'PUT', `/v1/accounts/${ACCOUNT}`, admin, { name: 'OpenAPI Ltd', plan: 'pro' })).status).toBe(201);
    expect((await call('entitlements', 'PUT', `/v1/accounts/${ACCOUNT}/users/${OWNER}`, admin, { role: 'owner' })).status).toBe(200);
    const articleId = await publishEchoArticle(stack.url('knowledge-base'), admin, CATEGORY, SECTION);
    const synonym = await call('knowledge-base', 'POST', '/v1/admin/search/synonyms', admin, {
      locale: 'en',
      term: 'echoes',
      synonyms: ['reverb'],
    });
    expect(synonym.status).toBe(201);

    const filed = await call('ticketing', 'POST', '/v1/tickets', tokens.customer, {
      subject: 'Echo in every meeting',
      description: 'Participants hear an echo of their own voice in meeting 123 456 789.',
      priority: 'urgent',
      device: 'desktop',
    });
    expect(filed.status).toBe(201);
    const ticketId: string = filed.body.id;
    expect(
      (await call('ticketing', 'POST', `/v1/tickets/${ticketId}/comments`, tokens.customer, { body: 'It started on Monday.' })).status,
    ).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('notes')], { type: 'text/plain' }), 'notes.txt');
    const upload = await fetch(`${stack.url('ticketing')}/v1/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.customer}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const attachmentId = ((await upload.json()) as Json).id as string;

    await waitFor(async () => (await call('sla-escalation', 'GET', `/v1/tickets/${ticketId}/sla`, admin)).status === 200, {
      timeoutMs: 60_000,
      description: 'the SLA view of the ticket',
    });
    await waitFor(async () => (await call('knowledge-base', 'GET', `/v1/suggestions?ticketId=${ticketId}`, admin)).status === 200, {
      timeoutMs: 60_000,
      description: 'the suggestions for the ticket',
    });
    const typed = await call('knowledge-base', 'POST', '/v1/suggestions', tokens.customer, { text: 'echo in my meetings', locale: 'en' });
    expect(typed.status).toBe(200);
    const policies = await call('sla-escalation', 'GET', '/v1/policies', admin);
    expect(policies.status).toBe(200);

    values.ticketing = { id: ticketId, attachmentId };
    values.entitlements = { accountId: ACCOUNT, userId: OWNER, plan: 'pro', version: '1', ticketId };
    values['sla-escalation'] = { ticketId, id: policies.body.policies[0].id };
    values['knowledge-base'] = {
      article: articleId,
      locale: 'en',
      category: CATEGORY,
      section: SECTION,
      suggestionId: typed.body.suggestionId ?? UNKNOWN_ID,
      id: synonym.body.id,
      ticketId,
    };
  }

  function operationsOf(service: ServiceName): Operation[] {
    const document = documents.get(service)!;
    return Object.entries(document.paths as Json).flatMap(([template, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        service,
        method: method.toUpperCase(),
        template,
        operation: item[method] as Json,
        key: `${service} ${method.toUpperCase()} ${template}`,
      })),
    );
  }

  const isPublic = (operation: Json) => (operation.security ?? []).some((requirement: Json) => Object.keys(requirement).length === 0);

  /** The route with real ids in its path and every required query parameter filled in. */
  function route(op: Operation): string {
    const parameters = (op.operation.parameters ?? []) as Json[];
    let url = op.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const known = values[op.service][name];
      if (known) return encodeURIComponent(known);
      const schema = parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
      return schema.enum?.[0] ?? (schema.type === 'integer' ? '1' : UNKNOWN_ID);
    });
    const query = new URLSearchParams();
    const now = Date.now();
    for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
      const schema = parameter.schema ?? {};
      const value =
        parameter.name === 'from'
          ? new Date(now - 86_400_000).toISOString()
          : parameter.name === 'to'
            ? new Date(now).toISOString()
            : (values[op.service][parameter.name] ??
              schema.enum?.[0] ??
              (schema.format === 'date-time' ? new Date(now).toISOString() : schema.type === 'integer' ? '10' : 'x'));
      query.set(parameter.name, String(value));
    }
    if ([...query].length > 0) url += `?${query}`;
    return url;
  }

  function validator(service: ServiceName, id: string, schema: Json): ValidateFunction {
    const key = `${service} ${id}`;
    let validate = validators.get(key);
    if (!validate) {
      // references resolve against the service's components, added to ajv under the service's name
      const rebased = JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, `"${service}#/components`)) as Json;
      validate = ajv.compile(jsonSchema(rebased) as Json);
      validators.set(key, validate);
    }
    return validate;
  }

  /** Problems with one answer: a status the document does not list, or a body that does not fit. */
  function check(op: Operation, who: string, answer: JsonResponse): string[] {
    const responses = op.operation.responses as Json;
    const listed = responses[String(answer.status)];
    const where = `${op.key} as ${who}: ${answer.status}`;
    if (!listed)
      return [`${where} is not documented (lists ${Object.keys(responses).join(', ')}); body ${JSON.stringify(answer.body).slice(0, 300)}`];
    const contentType = answer.headers.get('content-type') ?? '';
    if (answer.status >= 400) {
      if (!contentType.startsWith('application/problem+json'))
        return [`${where} is ${contentType || 'without a content type'}, not application/problem+json`];
      const validate = validator(op.service, 'ApiProblem', { $ref: '#/components/schemas/ApiProblem' });
      return validate(answer.body) ? [] : [`${where}: the error body breaks ApiProblem: ${ajv.errorsText(validate.errors)}`];
    }
    const schema = listed.content?.['application/json']?.schema as Json | undefined;
    if (!schema || !contentType.startsWith('application/json')) return [];
    const validate = validator(op.service, `${op.key} ${answer.status}`, schema);
    return validate(answer.body)
      ? []
      : [
          `${where}: the body breaks its documented schema: ${ajv.errorsText(validate.errors)}; body ${JSON.stringify(answer.body).slice(0, 400)}`,
        ];
  }

  it('validates for real: bodies that break a documented schema are refused', () => {
    const ticket = validator('ticketing', 'probe TicketResponse', { $ref: '#/components/schemas/TicketResponse' });
    expect(ticket({})).toBe(false);
    const problem = validator('ticketing', 'probe ApiProblem', { $ref: '#/components/schemas/ApiProblem' });
    const valid = {
      type: 'tag:support-desk,2026:problem:not_found',
      title: 'Not Found',
      status: 404,
      detail: 'x',
      instance: '/v1/tickets/1',
      statusCode: 404,
      code: 'not_found',
      message: 'x',
    };
    expect(problem(valid)).toBe(true);
    expect(problem({ ...valid, status: 'error' })).toBe(false);
    // a member documented as nullable takes null, and only where it is documented so
    const summary = validator('ticketing', 'probe TicketSlaResponse', { $ref: '#/components/schemas/TicketSlaResponse' });
    expect(summary({ state: null, firstResponseDueAt: null, breached: false, escalationLevel: 0 })).toBe(true);
    expect(summary({ state: null, firstResponseDueAt: null, breached: null, escalationLevel: 0 })).toBe(false);
  });

  it.each(SERVICES)('%s serves the committed document at /docs-json and /docs/json', async (service) => {
    for (const served of ['/docs-json', '/docs/json']) {
      const answer = await call(service, 'GET', served);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(documents.get(service));
    }
  });

  it.each(SERVICES)(
    '%s: without a token every route but the public ones answers 401 in the shared error schema',
    async (service) => {
      const problems: string[] = [];
      const publicRoutes: string[] = [];
      for (const op of operationsOf(service)) {
        const answer = await call(service, op.method, route(op), undefined, op.operation.requestBody ? {} : undefined);
        if (isPublic(op.operation)) {
          publicRoutes.push(op.key);
        } else if (answer.status !== 401 || answer.body?.code !== 'unauthenticated') {
          problems.push(`${op.key}: ${answer.status} without a token, not 401 unauthenticated`);
        }
        problems.push(...check(op, 'nobody', answer));
        const forged = await call(service, op.method, route(op), 'not-a-token');
        if (forged.status !== 401) problems.push(`${op.key}: ${forged.status} with a malformed token, not 401`);
        problems.push(...check(op, 'a malformed token', forged));
      }
      expect(problems).toEqual([]);
      // the documented public routes are the health probes and the help center, nothing else
      for (const key of publicRoutes) expect(key).toMatch(/ (\/health\/|\/v1\/(articles|categories|top-resources|suggestions))/);
    },
    120_000,
  );

  it.each(SERVICES)(
    '%s: every status a customer, an agent and an admin get is documented, and every body fits its schema',
    async (service) => {
      const problems: string[] = [];
      let checkedBodies = 0;
      for (const op of operationsOf(service)) {
        for (const who of ['customer', 'agent', 'admin'] as const) {
          // an empty body: writes are mostly refused (400), which is an answer the document must list too
          const body = op.operation.requestBody?.content?.['application/json'] ? {} : undefined;
          const answer = await call(service, op.method, route(op), tokens[who], body);
          problems.push(...check(op, who, answer));
          if (answer.status < 300 && answer.headers.get('content-type')?.startsWith('application/json')) checkedBodies += 1;
        }
      }
      expect(problems).toEqual([]);
      expect(checkedBodies).toBeGreaterThan(3);
    },
    180_000,
  );
});
