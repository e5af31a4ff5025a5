import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommonEnvironment } from './environment';

/**
 * Security headers for a JSON API: nothing a response says may run, frame or load anything
 * (`default-src 'none'`), except the OpenAPI page under /docs, whose Swagger UI loads its own
 * scripts and styles from this origin.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse) => void {
  const common = { crossOriginEmbedderPolicy: false, strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true } } as const;
  const api = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets styles inline
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  // helmet only sets headers, synchronously
  const next = () => undefined;
  return (request, response) => {
    const url = request.url ?? '/';
    const isDocs = url.startsWith('/docs') && (url.length === 5 || url[5] === '/' || url[5] === '?');
    (isDocs ? docs : api)(request, response, next);
  };
}

/** The origins of CORS_ORIGINS: `*` for any, else an exact list; unset means no cross-origin access. */
export function corsOptions(env: CommonEnvironment): CorsOptions | null {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (origins.length === 0) return null;
  const any = origins.includes('*');
  return {
    origin: any ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id', 'Accept-Language'],
    exposedHeaders: ['Retry-After', 'X-Correlation-Id', 'Location', 'Content-Disposition'],
    // bearer tokens, not cookies: no credentials
    credentials: false,
    maxAge: 600,
  };
}

/** Fastify's `trustProxy` (the semantics of Express "trust proxy") from HTTP_TRUST_PROXY: a hop count, true/false, or proxy addresses and subnets. */
export function trustProxySetting(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value.trim() === '' || value.trim() === 'false') return false;
  if (value.trim() === 'true') return true;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
