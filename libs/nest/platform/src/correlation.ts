import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's correlation id (or makes one) so every event of the flow can carry it. */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header(CORRELATION_HEADER);
  const id = offered && ACCEPTABLE.test(offered) ? offered : randomUUID();
  (request as Request & { correlationId: string }).correlationId = id;
  response.setHeader('X-Correlation-Id', id);
  next();
}

export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ correlationId?: string }>().correlationId ?? randomUUID();
});
