import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import { CALLER_ROLES, type CallerRole, type Principal } from './principal';

export interface TokenSettings {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** how far the issuer's clock may be ahead of or behind ours (exp, nbf, iat); default 60 */
  clockSkewSeconds?: number;
  /** longest lifetime accepted: exp − iat, or exp − now when the token has no iat; default 24 h */
  maxLifetimeSeconds?: number;
  /** how many verified tokens are remembered (0 turns the cache off); default 10,000 */
  cacheSize?: number;
  /** how long a verified token is remembered at most, in ms; default 60 s */
  cacheTtlMs?: number;
}

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;
export const DEFAULT_TOKEN_CACHE_SIZE = 10_000;
export const DEFAULT_TOKEN_CACHE_TTL_MS = 60_000;

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
 *
 * Clients send the same token with every request, and checking its signature is the costliest
 * step of a small request (about 7 % of a ticket POST's CPU). So the claims of a token whose
 * signature was checked are remembered, by the exact token string, for at most `cacheTtlMs`
 * (a key removed from the JWKS stops being honoured within that time). The time-bound checks
 * (exp, nbf, iat, lifetime) run again on every request against the current clock, so a
 * remembered token expires exactly when an unremembered one would. Refused tokens are never
 * remembered.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly verified: LRUCache<string, JWTPayload> | null;

  constructor(private readonly settings: TokenSettings) {
    const cacheSize = settings.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE;
    this.verified = cacheSize > 0 ? new LRUCache({ max: cacheSize, ttl: settings.cacheTtlMs ?? DEFAULT_TOKEN_CACHE_TTL_MS }) : null;
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

  /** how many verified tokens are remembered now */
  get rememberedTokens(): number {
    this.verified?.purgeStale();
    return this.verified?.size ?? 0;
  }

  async verify(token: string, now: Date = new Date()): Promise<Principal> {
    const clockSkew = this.settings.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
    const remembered = this.verified?.get(token);
    const payload = remembered ? checkTimeClaims(remembered, now, clockSkew) : await this.verifySignature(token, now, clockSkew);
    const problem = tokenLifetimeProblem(payload, now, {
      clockSkewSeconds: clockSkew,
      maxLifetimeSeconds: this.settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    });
    if (problem) throw new InvalidTokenError(`invalid token: ${problem}`);
    const principal = principalFromClaims(payload);
    if (!remembered) this.verified?.set(token, payload);
    return principal;
  }

  private async verifySignature(token: string, now: Date, clockSkew: number): Promise<JWTPayload> {
    try {
      // jose checks signature, algorithm, iss, aud, that exp and sub are present, exp and nbf
      // against the clock with the skew allowed; what it has no option for (an iat in the
      // future without requiring iat, the lifetime exp − iat) is checked by tokenLifetimeProblem
      const options: JWTVerifyOptions = {
        algorithms: this.algorithms,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: clockSkew,
        currentDate: now,
      };
      return this.key instanceof Uint8Array
        ? (await jwtVerify(token, this.key, options)).payload
        : (await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      throw new InvalidTokenError(`invalid token: ${(error as Error).message}`);
    }
  }
}

/**
 * The clock checks jose made when the signature was verified, made again for a remembered token
 * with jose's wording: "exp" claim timestamp check failed, "nbf" claim timestamp check failed.
 */
export function checkTimeClaims(payload: JWTPayload, now: Date, clockSkewSeconds: number): JWTPayload {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.exp === 'number' && payload.exp <= nowSeconds - clockSkewSeconds) {
    throw new InvalidTokenError('invalid token: "exp" claim timestamp check failed');
  }
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + clockSkewSeconds) {
    throw new InvalidTokenError('invalid token: "nbf" claim timestamp check failed');
  }
  return payload;
}

/**
 * A token issued in the future (beyond the clock skew) or living longer than the maximum is
 * refused: a leaked long-lived token would otherwise stay usable for its whole life.
 */
export function tokenLifetimeProblem(
  payload: JWTPayload,
  now: Date,
  limits: { clockSkewSeconds: number; maxLifetimeSeconds: number },
): string | null {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.exp !== 'number') return 'missing required "exp" claim';
  if (payload.iat !== undefined) {
    if (typeof payload.iat !== 'number') return '"iat" claim must be a number';
    if (payload.iat > nowSeconds + limits.clockSkewSeconds) {
      return `"iat" claim is in the future (more than ${limits.clockSkewSeconds} s ahead of this server's clock)`;
    }
    if (payload.exp - payload.iat > limits.maxLifetimeSeconds) {
      return `token lifetime (exp − iat = ${payload.exp - payload.iat} s) is longer than the ${limits.maxLifetimeSeconds} s accepted`;
    }
  } else if (payload.exp - nowSeconds > limits.maxLifetimeSeconds + limits.clockSkewSeconds) {
    return `token without "iat" expires in ${payload.exp - nowSeconds} s, longer than the ${limits.maxLifetimeSeconds} s lifetime accepted`;
  }
  return null;
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const role = payload['role'];
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('token has no "sub" claim');
  if (typeof role !== 'string' || !(CALLER_ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`token claim "role" must be one of ${CALLER_ROLES.join(', ')}`);
  }
  const accountId = payload['account_id'];
  if (accountId !== undefined && accountId !== null && (typeof accountId !== 'string' || accountId.length === 0)) {
    throw new InvalidTokenError('token claim "account_id" must be a non-empty string');
  }
  // a customer is (account, user): the same user id in two accounts is two customers
  if (role === 'customer' && typeof accountId !== 'string') {
    throw new InvalidTokenError('a customer token must carry the "account_id" claim (the customer account it acts for)');
  }
  return { userId: payload.sub, accountId: (accountId as string | undefined) ?? null, role: role as CallerRole };
}
