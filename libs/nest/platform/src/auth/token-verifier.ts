import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CALLER_ROLES, type CallerRole, type Principal } from './principal';

export interface TokenSettings {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 against an identity
 * provider's JWKS (jose caches and rotates the keys). Only listed algorithms are accepted, so a
 * token cannot pick "none" or switch an RSA key into an HMAC secret.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly settings: TokenSettings) {
    if (settings.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.algorithms = ['RS256', 'ES256'];
    } else if (settings.secret) {
      this.key = new TextEncoder().encode(settings.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('AUTH_JWT_SECRET or AUTH_JWKS_URL must be set');
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const options = { algorithms: this.algorithms, issuer: this.settings.issuer, audience: this.settings.audience };
      payload =
        this.key instanceof Uint8Array
          ? (await jwtVerify(token, this.key, options)).payload
          : (await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      throw new InvalidTokenError(`invalid token: ${(error as Error).message}`);
    }
    return principalFromClaims(payload);
  }
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const role = payload['role'];
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('token has no "sub" claim');
  if (typeof role !== 'string' || !(CALLER_ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`token claim "role" must be one of ${CALLER_ROLES.join(', ')}`);
  }
  const accountId = payload['account_id'];
  if (accountId !== undefined && accountId !== null && typeof accountId !== 'string') {
    throw new InvalidTokenError('token claim "account_id" must be a string');
  }
  return { userId: payload.sub, accountId: (accountId as string | undefined) ?? null, role: role as CallerRole };
}
