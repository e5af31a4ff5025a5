import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { CommonEnvironment, EnvironmentError, loadEnvironment } from './environment';
import { InvalidTokenError, TokenVerifier } from './auth/token-verifier';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';

async function hs256(claims: Record<string, unknown>, secret = SECRET, alg = 'HS256') {
  return new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(secret));
}

describe('environment', () => {
  it('applies defaults and converts numbers', () => {
    const env = loadEnvironment(CommonEnvironment, { KAFKA_BROKERS: 'k:9092', AUTH_JWT_SECRET: SECRET, KAFKA_MAX_WAIT_MS: '250' });
    expect(env).toMatchObject({ DATABASE_URL: 'mysql://root@127.0.0.1:3306', DB_NAME_PREFIX: 'support_', KAFKA_MAX_WAIT_MS: 250 });
  });

  it('names every bad or missing variable at once', () => {
    try {
      loadEnvironment(CommonEnvironment, { DATABASE_URL: 'postgres://x', KAFKA_MAX_WAIT_MS: 'soon' });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'AUTH_JWT_SECRET', 'KAFKA_MAX_WAIT_MS']) expect(message).toContain(name);
    }
  });

  it('accepts a JWKS URL instead of a secret', () => {
    expect(
      loadEnvironment(CommonEnvironment, { KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' })
        .AUTH_JWKS_URL,
    ).toBeDefined();
  });
});

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier({ secret: SECRET });

  it('reads the principal from the claims', async () => {
    const token = await new SignJWT({ role: 'customer', account_id: 'acct-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'user-1', accountId: 'acct-1', role: 'customer' });
  });

  it.each([
    ['a wrong signature', () => hs256({ sub: 'u', role: 'admin' }, 'another-secret-of-thirty-two-characters!!')],
    ['an unknown role', () => hs256({ sub: 'u', role: 'superuser' })],
    ['no subject', () => hs256({ role: 'admin' })],
    ['an unlisted algorithm', () => hs256({ sub: 'u', role: 'admin' }, SECRET, 'HS512')],
    [
      'an expired token',
      () =>
        new SignJWT({ sub: 'u', role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(new TextEncoder().encode(SECRET)),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_, make) => {
    await expect(verifier.verify(await make())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies RS256 tokens against a JWKS and refuses HS256 ones there', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const http = await import('node:http');
    const server = http.createServer((_, res) => res.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const jwks = new TokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      const token = await new SignJWT({ role: 'agent' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('agent-1')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(jwks.verify(token)).resolves.toMatchObject({ userId: 'agent-1', role: 'agent', accountId: null });
      await expect(jwks.verify(await hs256({ sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      server.close();
    }
  });
});
