import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes the caller's correlation id (or makes one) so every event of the flow can carry it: kept
 * on the request for `@CorrelationId()` and sent back in `X-Correlation-Id`.
 */
export function correlate(request: { headers: IncomingHttpHeaders; correlationId?: string }, response: ServerResponse): void {
  const offered = request.headers[CORRELATION_HEADER];
  const id = typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
  request.correlationId = id;
  response.setHeader('X-Correlation-Id', id);
}

export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ correlationId?: string }>().correlationId ?? randomUUID();
});
