import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api-error';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { CallerRole, Principal } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Global guard: no route is open unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;

    if (!header) {
      if (isPublic) return true;
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Authorization: Bearer <token> is required');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Authorization header must be "Bearer <token>"');
    }
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', error.message);
      }
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<CallerRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw ApiError.forbidden(`this action needs the role ${roles.join(' or ')}; the token has "${request.principal.role}"`);
    }
    return true;
  }
}
