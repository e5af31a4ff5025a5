import { SignJWT } from 'jose';

export const TEST_JWT_SECRET = 'test-secret-for-throw-away-environments-only-0123456789';

/** The account a customer token carries when a test names none. */
export const DEFAULT_TEST_ACCOUNT = 'test-account';

export interface TokenClaims {
  sub: string;
  role: 'customer' | 'agent' | 'admin';
  /** customers get DEFAULT_TEST_ACCOUNT when left out; null leaves the claim out (a token the services refuse) */
  account_id?: string | null;
}

/**
 * An HS256 token as the identity provider would issue it: iat now, exp after `expiresIn`, and,
 * for customers, the account they act for.
 */
export async function signToken(claims: TokenClaims, secret = TEST_JWT_SECRET, expiresIn = '1h'): Promise<string> {
  const accountId = claims.account_id === undefined ? (claims.role === 'customer' ? DEFAULT_TEST_ACCOUNT : undefined) : claims.account_id;
  return new SignJWT({ role: claims.role, ...(accountId ? { account_id: accountId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
