import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import type { Principal } from './auth/principal';
import type { CommonEnvironment } from './environment';
import { HealthController } from './health.controller';

type PrincipalRequest = FastifyRequest & { principal?: Principal };

const PRINCIPAL = 'principal';
const ADDRESS = 'address';

function principalOf(context: ExecutionContext): Principal | undefined {
  return context.switchToHttp().getRequest<PrincipalRequest>().principal;
}

/**
 * Two budgets per replica, counted over every route of the service together: one per token
 * holder (account and user, so two accounts' users with the same `sub` are counted apart), and
 * one per client address for requests without a token (the public help center). Health probes
 * are not counted. Counters live in this process: see the README on replicas.
 */
export function rateLimitOptions(env: CommonEnvironment): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: PRINCIPAL,
        ttl: env.RATE_LIMIT_WINDOW_MS,
        limit: env.RATE_LIMIT_PER_PRINCIPAL,
        skipIf: (context) => principalOf(context) === undefined,
        getTracker: (request) => {
          const principal = (request as PrincipalRequest).principal;
          return principal ? `${principal.accountId ?? '-'}/${principal.userId}` : '';
        },
      },
      {
        name: ADDRESS,
        ttl: env.RATE_LIMIT_WINDOW_MS,
        limit: env.RATE_LIMIT_PER_ADDRESS,
        skipIf: (context) => principalOf(context) !== undefined,
      },
    ],
    // one budget across routes; a per-route budget would multiply the limit by the route count
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    // the answer carries the standard Retry-After, not the per-throttler variants
    setHeaders: false,
  };
}

/**
 * The throttler answering with the shared error body and `Retry-After`. Registered after the
 * AuthGuard, so the principal is known; requests refused by the AuthGuard are not counted.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return context.getClass() === HealthController;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    response.header('Retry-After', String(retryAfter));
    const who = principalOf(context) ? 'this token holder' : 'this client address';
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      `too many requests from ${who}: at most ${detail.limit} per ${Math.round(detail.ttl / 1000)} s; retry after ${retryAfter} s`,
      { retryAfterSeconds: retryAfter },
    );
  }
}
