import { SignJWT, type JWTPayload } from 'jose';
import { loadEnvironment, CommonEnvironment } from '../environment';
import { InvalidTokenError, TokenVerifier, tokenLifetimeProblem } from './token-verifier';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NOW = new Date('2026-11-21T10:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const HOUR = 3600;

/** Signs exactly the claims given: no iat or exp is added behind the test's back. */
function sign(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
}

const customer = { sub: 'user-1', role: 'customer', account_id: 'acct-1' };

describe('token rules', () => {
  const verifier = new TokenVerifier({ secret: SECRET, clockSkewSeconds: 60, maxLifetimeSeconds: 24 * HOUR });

  async function refusal(claims: JWTPayload): Promise<string> {
    const error = await verifier.verify(await sign(claims), NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as Error).message;
  }

  it('accepts a customer token with account, exp and a lifetime within the limit', async () => {
    const token = await sign({ ...customer, iat: NOW_S - 10, exp: NOW_S + HOUR });
    await expect(verifier.verify(token, NOW)).resolves.toEqual({ userId: 'user-1', accountId: 'acct-1', role: 'customer' });
  });

  it('refuses a token without exp', async () => {
    expect(await refusal({ ...customer, iat: NOW_S })).toMatch(/"exp"/);
  });

  it('refuses a token issued in the future beyond the clock skew, and accepts one within it', async () => {
    expect(await refusal({ ...customer, iat: NOW_S + 120, exp: NOW_S + HOUR })).toMatch(/"iat" claim is in the future/);
    const withinSkew = await sign({ ...customer, iat: NOW_S + 30, exp: NOW_S + HOUR });
    await expect(verifier.verify(withinSkew, NOW)).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('refuses a token whose lifetime (exp − iat) is longer than the maximum', async () => {
    expect(await refusal({ ...customer, iat: NOW_S - 60, exp: NOW_S - 60 + 24 * HOUR + 1 })).toMatch(/lifetime/);
    const atTheLimit = await sign({ ...customer, iat: NOW_S - 60, exp: NOW_S - 60 + 24 * HOUR });
    await expect(verifier.verify(atTheLimit, NOW)).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('measures a token without iat from now to exp', async () => {
    expect(await refusal({ ...customer, exp: NOW_S + 30 * HOUR })).toMatch(/without "iat"/);
    await expect(verifier.verify(await sign({ ...customer, exp: NOW_S + 23 * HOUR }), NOW)).resolves.toMatchObject({ accountId: 'acct-1' });
  });

  it('refuses an expired token, allowing the clock skew', async () => {
    expect(await refusal({ ...customer, iat: NOW_S - 2 * HOUR, exp: NOW_S - 61 })).toMatch(/"exp"/);
    await expect(verifier.verify(await sign({ ...customer, iat: NOW_S - 2 * HOUR, exp: NOW_S - 30 }), NOW)).resolves.toBeDefined();
  });

  it('refuses a customer token without account_id, naming the claim', async () => {
    expect(await refusal({ sub: 'user-1', role: 'customer', iat: NOW_S, exp: NOW_S + HOUR })).toMatch(
      /customer token must carry the "account_id" claim/,
    );
    expect(await refusal({ ...customer, account_id: '', iat: NOW_S, exp: NOW_S + HOUR })).toMatch(/"account_id"/);
    expect(await refusal({ ...customer, account_id: 42, iat: NOW_S, exp: NOW_S + HOUR })).toMatch(/"account_id"/);
  });

  it('lets staff tokens go without an account', async () => {
    await expect(verifier.verify(await sign({ sub: 'agent-1', role: 'agent', iat: NOW_S, exp: NOW_S + HOUR }), NOW)).resolves.toEqual({
      userId: 'agent-1',
      accountId: null,
      role: 'agent',
    });
  });

  it('takes its limits from the environment, with 60 s of skew and 24 h of lifetime by default', () => {
    const defaults = loadEnvironment(CommonEnvironment, { KAFKA_BROKERS: 'k:9092', AUTH_JWT_SECRET: SECRET });
    expect(defaults).toMatchObject({ AUTH_CLOCK_SKEW_SECONDS: 60, AUTH_MAX_TOKEN_LIFETIME_SECONDS: 86_400 });
    const set = loadEnvironment(CommonEnvironment, {
      KAFKA_BROKERS: 'k:9092',
      AUTH_JWT_SECRET: SECRET,
      AUTH_CLOCK_SKEW_SECONDS: '5',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '900',
    });
    expect(set).toMatchObject({ AUTH_CLOCK_SKEW_SECONDS: 5, AUTH_MAX_TOKEN_LIFETIME_SECONDS: 900 });
    expect(() =>
      loadEnvironment(CommonEnvironment, { KAFKA_BROKERS: 'k:9092', AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' }),
    ).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
  });

  it('tokenLifetimeProblem names nothing for a well-formed token', () => {
    expect(tokenLifetimeProblem({ iat: NOW_S, exp: NOW_S + HOUR }, NOW, { clockSkewSeconds: 0, maxLifetimeSeconds: HOUR })).toBeNull();
    expect(tokenLifetimeProblem({ iat: NOW_S + 1, exp: NOW_S + HOUR }, NOW, { clockSkewSeconds: 0, maxLifetimeSeconds: HOUR })).toMatch(
      /future/,
    );
  });
});

describe('remembered tokens', () => {
  it('checks the clock again on every request: a remembered token expires at exp like any other', async () => {
    const verifier = new TokenVerifier({ secret: SECRET, clockSkewSeconds: 60 });
    const token = await sign({ ...customer, iat: NOW_S, exp: NOW_S + HOUR });
    await expect(verifier.verify(token, NOW)).resolves.toMatchObject({ userId: 'user-1' });
    const justBefore = new Date((NOW_S + HOUR + 59) * 1000);
    await expect(verifier.verify(token, justBefore)).resolves.toMatchObject({ userId: 'user-1' });
    const after = new Date((NOW_S + HOUR + 60) * 1000);
    await expect(verifier.verify(token, after)).rejects.toThrow('invalid token: "exp" claim timestamp check failed');
  });

  it('honours nbf and the lifetime rules for a remembered token', async () => {
    const verifier = new TokenVerifier({ secret: SECRET, clockSkewSeconds: 0 });
    const token = await sign({ ...customer, nbf: NOW_S, exp: NOW_S + HOUR });
    await expect(verifier.verify(token, NOW)).resolves.toMatchObject({ userId: 'user-1' });
    await expect(verifier.verify(token, new Date((NOW_S - 1) * 1000))).rejects.toThrow('"nbf" claim timestamp check failed');
  });

  it('never remembers a refused token: one issued ahead of the clock is accepted once the clock catches up', async () => {
    const verifier = new TokenVerifier({ secret: SECRET, clockSkewSeconds: 0 });
    const token = await sign({ ...customer, iat: NOW_S + 30, exp: NOW_S + HOUR });
    await expect(verifier.verify(token, NOW)).rejects.toThrow(/future/);
    await expect(verifier.verify(token, new Date((NOW_S + 30) * 1000))).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('keys on the exact token: a token with another signature is verified, and refused', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    const token = await sign({ ...customer, iat: NOW_S, exp: NOW_S + HOUR });
    await verifier.verify(token, NOW);
    const [header, payload] = token.split('.');
    await expect(verifier.verify(`${header}.${payload}.${'A'.repeat(43)}`, NOW)).rejects.toThrow(/signature/);
  });

  it('remembers verified tokens only, forgets them after cacheTtlMs, and works with the cache off', async () => {
    const token = await sign({ ...customer, iat: NOW_S, exp: NOW_S + HOUR });
    const verifier = new TokenVerifier({ secret: SECRET, cacheTtlMs: 20 });
    await verifier.verify(token, NOW);
    await verifier.verify(token, NOW);
    expect(verifier.rememberedTokens).toBe(1);
    await expect(verifier.verify(token.slice(0, -2) + 'xx', NOW)).rejects.toThrow(InvalidTokenError);
    expect(verifier.rememberedTokens).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(verifier.rememberedTokens).toBe(0);
    const off = new TokenVerifier({ secret: SECRET, cacheSize: 0 });
    await expect(off.verify(token, NOW)).resolves.toMatchObject({ userId: 'user-1' });
    expect(off.rememberedTokens).toBe(0);
  });
});
