import { request, ServiceStack, signToken, startMockKafka, type RunningBroker } from '@support/testing';
import { ENTITLEMENTS, KNOWLEDGE_BASE, SLA, TICKETING } from '../src/services';

/**
 * Fuzzing every route of every service, generated from the OpenAPI documents the services serve:
 * for each operation, requests with wrong types, missing and extra fields, huge strings, deep
 * nesting, unicode edge cases, invalid UTF-8, bad ids and boundary numbers, with a token of each
 * role and without one. Whatever the input, the answer is never a 5xx and the service stays alive.
 *
 * Deterministic: the generator is seeded (FUZZ_SEED, default below), and a failure names the seed,
 * the case and the request, so `FUZZ_SEED=<n> npx jest apps/support-e2e/test/fuzz.int-spec.ts`
 * replays it. FUZZ_REQUESTS bounds the requests per service.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);
const REQUESTS_PER_SERVICE = Number(process.env['FUZZ_REQUESTS'] ?? 400);

/** mulberry32: a small, seedable generator, so a run can be replayed exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: Schema } | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: contentType ? { contentType, schema: content[contentType].schema ?? {} } : null,
      });
    }
  }
  return operations;
}

const UNICODE_EDGES = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\ufeff',
  '\u202e',
  '\u200b',
  '\uffff',
  'e\u0301\u0301\u0301\u0301',
  '😀'.repeat(50),
  'Ω≈ç√∫',
  'ＡＢＣ',
  '𝕳𝖊𝖑𝖑𝖔',
  '\r\n\r\n',
  "'; DROP TABLE ticket; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '%00',
  '%',
  '%zz',
  '__proto__',
];
const BAD_IDS = [
  '0',
  '-1',
  'null',
  'undefined',
  'x'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  '01890000-0000-7000-8000-000000000000',
  'not-a-uuid',
  '..',
  '%2e%2e%2f',
  '%00',
  '%ff',
  '%ed%a0%80',
  '😀',
  '1e309',
  'NaN',
  ' ',
  'a%20b',
  "'",
  '"',
  'constructor',
  '__proto__',
  '9'.repeat(40),
];
const BOUNDARY_NUMBERS = [0, -1, 1, -0, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 0.5, 1e-320];
const BOUNDARY_QUERY_NUMBERS = ['0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '99999999999999999999', '0x10', '', ' 1', '١٢'];
const BAD_DATES = [
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '-271821-04-19T00:00:00Z',
  'yesterday',
  '2026-01-01T25:61:61Z',
  '1',
  '',
];

function deepNesting(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

class Generator {
  constructor(
    private readonly random: () => number,
    private readonly document: OpenApiDocument,
  ) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let hops = 0; current.$ref && hops < 10; hops += 1) {
      const name = current.$ref.split('/').pop()!;
      current = this.document.components?.schemas?.[name] ?? {};
    }
    if (current.allOf?.length) return this.resolve(current.allOf[0]);
    if (current.oneOf?.length) return this.resolve(current.oneOf[0]);
    if (current.anyOf?.length) return this.resolve(current.anyOf[0]);
    return current;
  }

  /** A value the schema allows, as far as the document says (the starting point of mutations). */
  valid(schema: Schema | undefined, depth = 0): unknown {
    const resolved = this.resolve(schema);
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum?.length) return this.pick(resolved.enum);
    switch (resolved.type) {
      case 'string':
        if (resolved.format === 'date-time') return new Date(Date.UTC(2026, 0, 15, 10)).toISOString();
        if (resolved.format === 'email') return 'someone@example.com';
        if (resolved.format === 'uuid') return '01890000-0000-7000-8000-000000000000';
        if (resolved.format === 'binary') return 'file';
        return 'fuzz text '.slice(0, Math.max(resolved.minLength ?? 1, Math.min(resolved.maxLength ?? 10, 10)));
      case 'integer':
      case 'number':
        return resolved.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [this.valid(resolved.items, depth + 1)];
      default: {
        if (depth > 4 || !resolved.properties) return {};
        return Object.fromEntries(Object.entries(resolved.properties).map(([key, value]) => [key, this.valid(value, depth + 1)]));
      }
    }
  }

  /** A value of the wrong type, or the right type at its edges. */
  wrong(schema: Schema | undefined): unknown {
    const resolved = this.resolve(schema);
    const candidates: unknown[] = [
      null,
      true,
      0,
      -1,
      '',
      [],
      {},
      'x'.repeat(70_000),
      this.pick(UNICODE_EDGES),
      this.pick(BOUNDARY_NUMBERS),
      [[[[[['deep']]]]]],
      { nested: { $gt: '' } },
    ];
    if (resolved.type === 'string' && resolved.format === 'date-time') candidates.push(...BAD_DATES);
    if (resolved.type === 'string')
      candidates.push(this.pick(UNICODE_EDGES).repeat(1 + Math.floor(this.random() * 300)), 'x'.repeat((resolved.maxLength ?? 255) + 1));
    if (resolved.type === 'integer' || resolved.type === 'number') candidates.push(...BOUNDARY_NUMBERS, '1', 'NaN');
    if (resolved.enum) candidates.push(`${String(resolved.enum[0])} `, String(resolved.enum[0]).toUpperCase());
    if (resolved.type === 'array') candidates.push(new Array(2000).fill(this.valid(resolved.items)), [null], [{}]);
    return this.pick(candidates);
  }
}

interface FuzzRequest {
  description: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'x');
}

/** The cases of one operation: a baseline, then one mutation each. */
function casesFor(operation: Operation, generator: Generator, count: number, knownIds: string[]): FuzzRequest[] {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const jsonBody = operation.body?.contentType.includes('json') ? operation.body : null;
  const multipart = operation.body?.contentType.includes('multipart') ? operation.body : null;
  // half the time an id that exists (a ticket, the account, the user, a plan), so requests reach past the lookup
  const validPath = () =>
    Object.fromEntries(
      pathParameters.map((p) => [
        p.name,
        encodeURIComponent(String(generator.pick([generator.valid(p.schema) ?? 'x', generator.pick(knownIds)]))),
      ]),
    );
  const validQuery = () =>
    Object.fromEntries(queryParameters.filter((p) => p.required).map((p) => [p.name, String(generator.valid(p.schema))]));
  const validBody = () => (jsonBody ? (generator.valid(jsonBody.schema) as Record<string, unknown>) : undefined);

  const build = (
    description: string,
    parts: { path?: Record<string, string>; query?: Record<string, string>; body?: string | Buffer; contentType?: string },
  ): FuzzRequest => {
    const search = new URLSearchParams(parts.query ?? validQuery()).toString();
    const body = parts.body ?? (jsonBody ? JSON.stringify(validBody()) : undefined);
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = parts.contentType ?? 'application/json';
    return {
      description,
      method: operation.method,
      path: fillPath(operation.path, parts.path ?? validPath()) + (search ? `?${search}` : ''),
      headers,
      body,
    };
  };

  const takesBody = !['GET', 'HEAD'].includes(operation.method);
  const mutations: Array<() => FuzzRequest> = [
    () => build('baseline', {}),
    () => build('bad path id', { path: Object.fromEntries(pathParameters.map((p) => [p.name, generator.pick(BAD_IDS)])) }),
    () =>
      build('boundary query', {
        query: Object.fromEntries(
          queryParameters.map((p) => [
            p.name,
            generator.pick([...BOUNDARY_QUERY_NUMBERS, ...BAD_DATES, ...UNICODE_EDGES, 'x'.repeat(5000)]),
          ]),
        ),
      }),
    () => {
      // a parameter given twice arrives as an array
      const request = build('repeated query', { query: {} });
      return { ...request, path: `${request.path}?${queryParameters.map((p) => `${p.name}=1&${p.name}=2`).join('&') || 'x=1&x=2'}` };
    },
    () => build('unknown query', { query: { ...validQuery(), unexpected: 'x', 'a[b]': '1', __proto__: 'x' } as Record<string, string> }),
  ];
  if (takesBody) {
    mutations.push(
      () => build('deep nested object', { body: deepNesting(generator.pick([100, 3000, 10_000]), 'object') }),
      () => build('deep nested array', { body: deepNesting(generator.pick([100, 3000, 10_000]), 'array') }),
      () =>
        build('malformed JSON', {
          body: generator.pick(['{', '{"a":', '[1,]', 'null', '"string"', '123', 'true', '{"a":1}{"b":2}', '\u0000', '']),
        }),
      () =>
        build('invalid UTF-8', {
          body: Buffer.concat([
            Buffer.from('{"subject":"'),
            Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]),
            Buffer.from('","text":"x"}'),
          ]),
        }),
      () =>
        build('wrong content type', {
          body: 'subject=x&text=y',
          contentType: generator.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'multipart/form-data; boundary=x',
          ]),
        }),
      () =>
        build('huge string', {
          body: JSON.stringify({ ...(validBody() ?? {}), text: 'x'.repeat(2_000_000), subject: 'y'.repeat(2_000_000) }),
        }),
      () =>
        build('prototype keys', {
          body: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(validBody() ?? {}).slice(1)}`,
        }),
    );
  }
  if (jsonBody) {
    const schema = generator.resolve(jsonBody.schema);
    const fields = Object.keys(schema.properties ?? {});
    mutations.push(
      () => build('empty body', { body: '{}' }),
      () => build('array body', { body: JSON.stringify([validBody()]) }),
      () => build('extra field', { body: JSON.stringify({ ...validBody(), unexpected: generator.pick(UNICODE_EDGES) }) }),
    );
    for (const field of fields) {
      const property = schema.properties![field];
      mutations.push(
        () => {
          const body = validBody() ?? {};
          delete body[field];
          return build(`missing ${field}`, { body: JSON.stringify(body) });
        },
        () => build(`wrong ${field}`, { body: JSON.stringify({ ...validBody(), [field]: generator.wrong(property) }) }),
        () => build(`wrong ${field} (again)`, { body: JSON.stringify({ ...validBody(), [field]: generator.wrong(property) }) }),
        () => build(`unicode ${field}`, { body: JSON.stringify({ ...validBody(), [field]: generator.pick(UNICODE_EDGES) }) }),
      );
    }
  }
  if (multipart) {
    const boundary = 'fuzzboundary';
    const part = (name: string, filename: string, type: string, content: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const multipartCase = (description: string, body: Buffer) => ({
      ...build(description, { body, contentType: `multipart/form-data; boundary=${boundary}` }),
    });
    mutations.push(
      () => multipartCase('multipart: wrong field', part('other', 'a.txt', 'text/plain', Buffer.from('x'))),
      () =>
        multipartCase(
          'multipart: odd filename',
          part('file', generator.pick(['../../x', '\u0000.png', '😀.exe', 'x'.repeat(1000)]), 'image/png', Buffer.from('not a png')),
        ),
      () => multipartCase('multipart: empty file', part('file', 'empty.txt', 'text/plain', Buffer.alloc(0))),
      () =>
        multipartCase(
          'multipart: truncated',
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`),
        ),
    );
  }
  const cases: FuzzRequest[] = [];
  for (let index = 0; index < count; index += 1) {
    // every mutation once, then random ones
    cases.push(index < mutations.length ? mutations[index]() : generator.pick(mutations)());
  }
  return cases;
}

describe('fuzzing every route of every service from its OpenAPI document (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  const tokens: Array<[string, string | null]> = [];
  const knownIds = ['fuzz-account', 'fuzz-customer', 'pro', 'en'];

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'fuzz');
    await Promise.all([stack.start(...TICKETING), stack.start(...ENTITLEMENTS), stack.start(...SLA), stack.start(...KNOWLEDGE_BASE)]);
    tokens.push(
      ['anonymous', null],
      ['customer', await signToken({ sub: 'fuzz-customer', role: 'customer', account_id: 'fuzz-account' })],
      ['customer without account', await signToken({ sub: 'fuzz-loner', role: 'customer', account_id: null })],
      ['agent', await signToken({ sub: 'fuzz-agent', role: 'agent' })],
      ['admin', await signToken({ sub: 'fuzz-admin', role: 'admin' })],
      ['malformed token', 'not.a.jwt'],
    );
    // something to find: the customer's account and a ticket of theirs
    const admin = tokens.find(([role]) => role === 'admin')![1]!;
    const customer = tokens.find(([role]) => role === 'customer')![1]!;
    await request('PUT', `${stack.url('entitlements')}/v1/accounts/fuzz-account`, { token: admin, body: { name: 'Fuzz', plan: 'pro' } });
    await request('PUT', `${stack.url('entitlements')}/v1/accounts/fuzz-account/users/fuzz-customer`, {
      token: admin,
      body: { role: 'owner' },
    });
    const ticket = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: customer,
      body: { subject: 'Fuzz target', description: 'A ticket the fuzzer can find.', priority: 'normal', device: 'web' },
    });
    expect(ticket.status).toBe(201);
    knownIds.push(ticket.body.id);
  });

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
  });

  it.each(['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'])(
    '%s answers every generated request below 500 and stays alive',
    async (name) => {
      const url = stack.url(name);
      const document = (await (await fetch(`${url}/docs/json`)).json()) as OpenApiDocument;
      const operations = operationsOf(document);
      expect(operations.length).toBeGreaterThan(0);
      // one seed per service, so that adding routes to one service does not reshuffle the others
      const random = seeded(SEED + [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0));
      const generator = new Generator(random, document);
      const perOperation = Math.max(8, Math.floor(REQUESTS_PER_SERVICE / operations.length));

      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let sent = 0;
      for (const operation of operations) {
        for (const fuzz of casesFor(operation, generator, perOperation, knownIds)) {
          const [role, token] = generator.pick(tokens);
          const headers = { ...fuzz.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
          const label = `${fuzz.method} ${operation.path} [${fuzz.description}] as ${role}: ${fuzz.method} ${fuzz.path.slice(0, 200)}`;
          sent += 1;
          try {
            const response = await fetch(`${url}${fuzz.path}`, {
              method: fuzz.method,
              headers,
              body: fuzz.body,
              signal: AbortSignal.timeout(30_000),
            });
            const text = await response.text();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status >= 500) failures.push(`${response.status} ${label} → ${text.slice(0, 300)}`);
          } catch (error) {
            failures.push(`no answer: ${label} → ${(error as Error).message}`);
          }
        }
      }
      const live = await fetch(`${url}/health/live`).then(
        (r) => r.status,
        (error: Error) => error.message,
      );
      process.stdout.write(
        `fuzz ${name} (seed ${SEED}): ${sent} requests over ${operations.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${failures.length} failures, live ${live}\n`,
      );
      expect({ service: name, seed: SEED, failures }).toEqual({ service: name, seed: SEED, failures: [] });
      expect(live).toBe(200);
    },
  );
});
