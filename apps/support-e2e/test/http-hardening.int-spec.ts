import { ServiceStack, signToken, startMockKafka, type RunningBroker } from '@support/testing';
import { KNOWLEDGE_BASE, TICKETING } from '../src/services';

/**
 * The HTTP hardening every service shares (libs/nest/platform): body size and depth, strict
 * input in bodies and query strings, rate limits, security headers and CORS, against the real
 * ticketing and knowledge-base services. Each test calls from its own address (X-Forwarded-For,
 * trusted from loopback here) or with its own token, so the small limits of this stack only
 * bite where a test means them to.
 */
const LIMIT = 5;
const ALLOWED_ORIGIN = 'https://help.example.com';

interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
}

let nextAddress = 1;
function freshAddress(): string {
  const n = nextAddress++;
  return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

let nextUser = 1;
async function freshCustomer(): Promise<string> {
  return signToken({ sub: `hardening-user-${nextUser++}`, role: 'customer', account_id: 'acct-hardening' });
}

async function send(
  method: string,
  url: string,
  options: { token?: string; body?: string | Buffer; contentType?: string; headers?: Record<string, string>; address?: string } = {},
): Promise<RawResponse> {
  const response = await fetch(url, {
    method,
    headers: {
      'x-forwarded-for': options.address ?? freshAddress(),
      ...(options.body !== undefined ? { 'content-type': options.contentType ?? 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

function ticketForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Echo in every meeting',
    description: 'Participants hear an echo.',
    priority: 'normal',
    device: 'desktop',
    ...overrides,
  };
}

function deepJson(levels: number): string {
  return '{"text":'.concat('['.repeat(levels), '"x"', ']'.repeat(levels), '}');
}

function expectFieldError(response: RawResponse, field: string, problem: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
  expect(response.body.message).toContain(field);
  expect(response.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field, problems: [expect.stringMatching(problem)] })]),
  );
}

describe('HTTP hardening shared by every service (real ticketing and knowledge base)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let ticketing: string;
  let kb: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'harden');
    const overrides = {
      HTTP_TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_PRINCIPAL: String(LIMIT),
      RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      RATE_LIMIT_WINDOW_MS: '60000',
      CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://agents.example.com`,
    };
    await Promise.all([stack.start(...TICKETING, overrides), stack.start(...KNOWLEDGE_BASE, overrides)]);
    ticketing = stack.url('ticketing');
    kb = stack.url('knowledge-base');
  });

  afterAll(async () => {
    await stack?.stopAll();
    await broker?.stop();
  });

  describe('body depth and size', () => {
    it.each([3_000, 10_000])('answers %i levels of nesting on the public POST /v1/suggestions with a 400, not a 500', async (levels) => {
      const response = await send('POST', `${kb}/v1/suggestions`, { body: deepJson(levels) });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.message).toMatch(/^text\[0\]\[0\].*: nests deeper than 32 levels of objects and arrays$/);
    });

    it('answers deep nesting on an authenticated route with a 400 too', async () => {
      const response = await send('POST', `${ticketing}/v1/tickets`, { token: await freshCustomer(), body: deepJson(5_000) });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/nests deeper than 32 levels/);
    });

    it('refuses a body over the default limit with 413 and the error body', async () => {
      const response = await send('POST', `${kb}/v1/suggestions`, { body: JSON.stringify({ text: 'x'.repeat(70 * 1024), locale: 'en' }) });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ statusCode: 413, code: 'payload_too_large', limit: 64 * 1024 });
    });

    it('lets a route declare a larger limit: a ticket form of ~380 KB of JSON is read, 600 KB is not', async () => {
      const token = await freshCustomer();
      // 60 KiB of text written entirely as \u escapes: valid, six times its size as JSON
      const escaped = JSON.stringify(ticketForm({ description: 'A'.repeat(60 * 1024) })).replace(/A/g, '\\u0041');
      expect(escaped.length).toBeGreaterThan(350 * 1024);
      const accepted = await send('POST', `${ticketing}/v1/tickets`, { token, body: escaped });
      expect(accepted.status).toBe(201);
      expect(accepted.body.description).toBe('A'.repeat(60 * 1024));

      const tooLarge = await send('POST', `${ticketing}/v1/tickets`, {
        token,
        body: JSON.stringify(ticketForm({ description: 'x'.repeat(600 * 1024) })),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ code: 'payload_too_large', limit: 512 * 1024 });
    });

    it('reads no body before the guards: without a token, or over the rate limit, a body too large or not JSON is not looked at', async () => {
      const tooLarge = JSON.stringify(ticketForm({ description: 'x'.repeat(600 * 1024) }));
      for (const body of [tooLarge, '{"subject": oops', deepJson(5_000)]) {
        const anonymous = await send('POST', `${ticketing}/v1/tickets`, { body });
        expect(anonymous.status).toBe(401);
        expect(anonymous.body.code).toBe('unauthenticated');
      }
      const token = await freshCustomer();
      for (let i = 0; i < LIMIT; i++) expect((await send('GET', `${ticketing}/v1/tickets`, { token })).status).toBe(200);
      const overLimit = await send('POST', `${ticketing}/v1/tickets`, { token, body: tooLarge });
      expect(overLimit.status).toBe(429);
      expect(overLimit.body.code).toBe('too_many_requests');
      // the same bodies from a caller within limits: the body's own answers
      const fresh = await freshCustomer();
      expect((await send('POST', `${ticketing}/v1/tickets`, { token: fresh, body: tooLarge })).status).toBe(413);
      expect((await send('POST', `${ticketing}/v1/tickets`, { token: fresh, body: '{"subject": oops' })).status).toBe(400);
    });

    it('reads only JSON: a form-encoded body is a 415', async () => {
      const response = await send('POST', `${kb}/v1/suggestions`, {
        body: 'text=echo&locale=en',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ code: 'unsupported_media_type' });
    });

    it('answers a JSON syntax error with a 400 showing where', async () => {
      const response = await send('POST', `${kb}/v1/suggestions`, { body: '{"text": "echo", "locale": en}' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'bad_request', message: expect.stringContaining('"locale": en') });
    });
  });

  describe('strict input', () => {
    it('refuses an impossible calendar date instead of rolling it over', async () => {
      const response = await send('POST', `${ticketing}/v1/tickets`, {
        token: await freshCustomer(),
        body: JSON.stringify(ticketForm({ occurredAt: '2026-02-30T10:00:00Z' })),
      });
      expectFieldError(response, 'occurredAt', /February 2026 has 28 days, not 30/);
    });

    it('refuses an impossible date in a query string', async () => {
      const admin = await signToken({ sub: 'hardening-admin', role: 'admin' });
      const response = await send('GET', `${kb}/v1/admin/stats/deflection?since=2026-02-30T00:00:00Z`, { token: admin });
      expectFieldError(response, 'since', /February 2026 has 28 days, not 30/);
    });

    it.each([
      ['NUL in a subject', { subject: 'Echo\u0000' }, 'subject', /U\+0000/],
      ['BEL in a description', { description: 'ring\u0007' }, 'description', /U\+0007/],
      ['a C1 control in a CC address', { ccEmails: ['a@example.com', 'b\u0085@example.com'] }, 'ccEmails[1]', /U\+0085/],
    ])('refuses control characters: %s', async (_, change, field, problem) => {
      const response = await send('POST', `${ticketing}/v1/tickets`, {
        token: await freshCustomer(),
        body: JSON.stringify(ticketForm(change)),
      });
      expectFieldError(response, field, problem);
    });

    it('refuses a line break in one-line text (a subject)', async () => {
      const response = await send('POST', `${ticketing}/v1/tickets`, {
        token: await freshCustomer(),
        body: JSON.stringify(ticketForm({ subject: 'Echo\nin every meeting' })),
      });
      expectFieldError(response, 'subject', /must be one line: it must not contain control characters \(U\+000A at position 4\)/);
    });

    it('keeps tabs and line breaks in multi-line text', async () => {
      const response = await send('POST', `${ticketing}/v1/tickets`, {
        token: await freshCustomer(),
        body: JSON.stringify(ticketForm({ description: 'line one\r\n\tline two' })),
      });
      expect(response.status).toBe(201);
    });

    it('refuses control characters in a query string, naming the parameter', async () => {
      const response = await send('GET', `${kb}/v1/articles?q=echo%07`);
      expectFieldError(response, 'q', /U\+0007/);
      expect(response.body.errors[0].in).toBe('query');
    });

    it('refuses control characters in a path parameter', async () => {
      const response = await send('GET', `${kb}/v1/articles/echo%07`);
      expectFieldError(response, 'article', /U\+0007/);
      expect(response.body.errors[0].in).toBe('path');
    });

    it('answers a path it cannot percent-decode with a 400 in the error body, with the usual headers', async () => {
      const response = await send('GET', `${kb}/v1/articles/echo%E0%A4%A`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, code: 'bad_request', instance: '/v1/articles/echo%E0%A4%A' });
      expect(response.body.detail).toContain('/v1/articles/echo%E0%A4%A');
      expect(response.headers.get('x-correlation-id')).toBeTruthy();
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    });

    it('routes as Express did: a trailing slash or other letter case reaches the route, a long path parameter its pipe', async () => {
      const token = await freshCustomer();
      expect((await send('GET', `${ticketing}/v1/tickets/`, { token })).status).toBe(200);
      expect((await send('GET', `${ticketing}/V1/Tickets`, { token })).status).toBe(200);
      const long = await send('GET', `${ticketing}/v1/tickets/${'a'.repeat(5000)}`, { token });
      expectFieldError(long, 'id', /UUID/);
    });

    it('answers a body it cannot decompress, or an unknown Content-Encoding, with a 4xx', async () => {
      const broken = await send('POST', `${kb}/v1/suggestions`, {
        body: Buffer.from('not gzip at all'),
        headers: { 'content-encoding': 'gzip' },
      });
      expect(broken.status).toBe(400);
      const unknown = await send('POST', `${kb}/v1/suggestions`, { body: '{"text":"echo"}', headers: { 'content-encoding': 'zstd-ish' } });
      expect(unknown.status).toBe(415);
      expect(unknown.body).toMatchObject({ code: 'unsupported_media_type' });
    });

    it('refuses lone surrogates', async () => {
      const response = await send('POST', `${kb}/v1/suggestions`, { body: '{"text":"echo \\ud800 here","locale":"en"}' });
      expectFieldError(response, 'text', /lone surrogate U\+D800/);
    });

    it('refuses bytes that are not UTF-8 instead of replacing them, naming the field', async () => {
      const body = Buffer.concat([
        Buffer.from(JSON.stringify(ticketForm()).replace('"Echo in every meeting"', '"Echo ')),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' meeting"'),
      ]);
      const response = await send('POST', `${ticketing}/v1/tickets`, { token: await freshCustomer(), body });
      expectFieldError(response, 'subject', /must be valid UTF-8/);
    });

    it('refuses percent-encoded bytes that are not UTF-8 in a query string', async () => {
      const response = await send('GET', `${kb}/v1/articles?q=caf%E9`);
      expectFieldError(response, 'q', /valid UTF-8/);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key like any other unknown field', async (key) => {
      const body = JSON.stringify(ticketForm()).replace(/}$/, `,"${key}":{"role":"admin"}}`);
      const response = await send('POST', `${ticketing}/v1/tickets`, { token: await freshCustomer(), body });
      expectFieldError(response, key, new RegExp(`property ${key} should not exist`));
    });

    it('refuses such a key nested, with its path', async () => {
      const response = await send('POST', `${kb}/v1/suggestions`, { body: '{"text":"echo","locale":"en","extra":{"__proto__":{"x":1}}}' });
      expectFieldError(response, 'extra.__proto__', /should not exist/);
    });
  });

  describe('rate limits', () => {
    it('limits one client address on the public help center, answering 429 with Retry-After and the error body', async () => {
      const address = freshAddress();
      for (let i = 0; i < LIMIT; i++) {
        expect((await send('POST', `${kb}/v1/suggestions`, { address, body: JSON.stringify({ text: 'echo', locale: 'en' }) })).status).toBe(
          200,
        );
      }
      const refused = await send('GET', `${kb}/v1/articles?q=echo`, { address });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(refused.body).toMatchObject({
        statusCode: 429,
        code: 'too_many_requests',
        message: expect.stringContaining('client address'),
      });
      // another address is not affected
      expect((await send('GET', `${kb}/v1/articles?q=echo`)).status).toBe(200);
    });

    it('limits one token holder (account and user) on authenticated routes, whatever address they call from', async () => {
      const token = await signToken({ sub: 'busy-user', role: 'customer', account_id: 'acct-busy' });
      for (let i = 0; i < LIMIT; i++) expect((await send('GET', `${ticketing}/v1/tickets`, { token })).status).toBe(200);
      const refused = await send('GET', `${ticketing}/v1/tickets`, { token });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('token holder') });
      // the same user id in another account is someone else
      const sameSubOtherAccount = await signToken({ sub: 'busy-user', role: 'customer', account_id: 'acct-other' });
      expect((await send('GET', `${ticketing}/v1/tickets`, { token: sameSubOtherAccount })).status).toBe(200);
    });

    it('does not count health probes', async () => {
      const address = freshAddress();
      for (let i = 0; i < LIMIT + 3; i++) expect((await send('GET', `${kb}/health/live`, { address })).status).toBe(200);
    });
  });

  describe('security headers and CORS', () => {
    it('sends API-appropriate security headers', async () => {
      const response = await send('GET', `${kb}/v1/articles?q=echo`);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('keeps /docs working: its page and scripts load under a policy that allows them', async () => {
      const page = await send('GET', `${kb}/docs`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      // every script of the page is a file of this origin (no inline script the policy would block)
      const scripts = [...String(page.body).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(inline.trim()).toBe('');
        const src = /src="([^"]+)"/.exec(attributes)![1];
        expect((await send('GET', new URL(src, `${kb}/docs`).toString())).status).toBe(200);
      }
      expect((await send('GET', `${kb}/docs/json`)).status).toBe(200);
    });

    it('allows the configured origins and no others', async () => {
      const allowed = await send('GET', `${kb}/v1/articles?q=echo`, { headers: { origin: ALLOWED_ORIGIN } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');

      const denied = await send('GET', `${kb}/v1/articles?q=echo`, { headers: { origin: 'https://evil.example.net' } });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = await send('OPTIONS', `${ticketing}/v1/tickets`, {
        headers: {
          origin: ALLOWED_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);

      const deniedPreflight = await send('OPTIONS', `${ticketing}/v1/tickets`, {
        headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
      });
      expect(deniedPreflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
