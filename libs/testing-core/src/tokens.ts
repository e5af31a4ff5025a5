import { SignJWT } from 'jose';

export const TEST_JWT_SECRET = 'test-secret-for-throw-away-environments-only-0123456789';

export interface TokenClaims {
  sub: string;
  role: 'customer' | 'agent' | 'admin';
  account_id?: string;
}

/** An HS256 token as the identity provider would issue it. */
export async function signToken(claims: TokenClaims, secret = TEST_JWT_SECRET, expiresIn = '1h'): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.account_id ? { account_id: claims.account_id } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
