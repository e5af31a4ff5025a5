import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { CallerRole, Principal } from './principal';

export const PUBLIC_ROUTE = 'support:public';
export const REQUIRED_ROLES = 'support:roles';

/** Open to anyone: health, docs, reading the help center. Everything else needs a token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers with one of these roles; others get 403. */
export const Roles = (...roles: CallerRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

/** The principal when a token was sent to a public route, else undefined. */
export const OptionalPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
});
