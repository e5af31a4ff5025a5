import { HttpStatus, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { raw } from 'body-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import typeis from 'type-is';
import { ApiError } from './api-error';
import { findInputProblems, findInvalidUtf8InQuery, invalidUtf8Offset, jsonPathAt, type InputProblem } from './strict-input';

export const JSON_BODY_LIMIT = 'support:json-body-limit';

/**
 * The most bytes of JSON this route reads (after any Content-Encoding is undone). Routes without
 * it read at most HTTP_JSON_BODY_LIMIT. Multipart uploads are read by their own interceptor.
 */
export const JsonBodyLimit = (bytes: number) => SetMetadata(JSON_BODY_LIMIT, bytes);

export interface RequestBodySettings {
  /** bytes of JSON a route reads unless it says otherwise */
  defaultLimit: number;
  /** objects and arrays nested inside one another */
  maxDepth: number;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

function invalid(location: string, problems: InputProblem[]): ApiError {
  const fields = problems.map((p) => ({ field: p.field || location, problems: [p.problem] }));
  const prefix = location === 'body' ? '' : `${location} `;
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'validation_failed',
    fields.map((f) => `${prefix}${f.field}: ${f.problems.join(', ')}`).join('; '),
    { errors: fields.map((f) => ({ ...f, in: location })) },
  );
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/**
 * Reads JSON bodies for every route, before the validation pipe and after the other guards (so a
 * caller without a token, or over their rate limit, sends no bytes we read): at most the route's
 * limit (413 beyond), UTF-8 only, then parsed and walked by the strict-input checks together with
 * the query string and path parameters. It reads Fastify's raw request, whose body Fastify left
 * unread (`createHttpApp`).
 *
 * A guard, not an interceptor, although it lets every request through: Nest calls a route with
 * no interceptor directly, while one global interceptor put every request of every route through
 * its interceptor chain (RxJS observables, two `AsyncResource.bind`s each building two
 * deprecation wrappers). As an interceptor it cost a ticket POST a fifth of its CPU: 1.14–1.17 ms
 * of ticketing's CPU per POST, 0.90–0.95 ms as a guard (`bench/profile-ticketing.ts --compiled
 * --no-profile`). Registered with `useGlobalGuards` after the application's own guards
 * (APP_GUARD: authentication, rate limits), it runs after them.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  private readonly readers = new Map<number, ReturnType<typeof raw>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly settings: RequestBodySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    this.checkQueryAndParams(request);
    const limit =
      this.reflector.getAllAndOverride<number | undefined>(JSON_BODY_LIMIT, [context.getHandler(), context.getClass()]) ??
      this.settings.defaultLimit;
    await this.readJson(request, response, limit);
    return true;
  }

  private checkQueryAndParams(request: FastifyRequest): void {
    const questionMark = request.url.indexOf('?');
    if (questionMark >= 0) {
      const encoding = findInvalidUtf8InQuery(request.url.slice(questionMark + 1));
      if (encoding) throw invalid('query', [encoding]);
    }
    const query = findInputProblems(request.query, { maxDepth: this.settings.maxDepth, multiline: false });
    if (query.length > 0) throw invalid('query', query);
    const params = findInputProblems(request.params, { maxDepth: 2, multiline: false });
    if (params.length > 0) throw invalid('path', params);
  }

  private async readJson(request: FastifyRequest, response: FastifyReply, limit: number): Promise<void> {
    // a body already parsed (multipart by an upload interceptor runs later; this is a misconfiguration)
    if (request.body !== undefined) {
      throw new Error('the request body was parsed before RequestBodyGuard: create the app with createHttpApp');
    }
    const incoming = request.raw;
    if (!incoming.readable || !hasBody(incoming)) return;
    if (typeis(incoming, ['multipart/form-data'])) return;
    if (!typeis(incoming, JSON_TYPES)) {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        `send the body as JSON (Content-Type: application/json), not ${request.headers['content-type'] ?? 'without a Content-Type'}`,
      );
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        `the body must be UTF-8 JSON, not charset ${charset}`,
      );
    }
    const bytes = await this.readRaw(incoming, response.raw, limit);
    const badByte = invalidUtf8Offset(bytes);
    if (badByte >= 0) {
      const field = jsonPathAt(Buffer.from(bytes.subarray(0, badByte)).toString('utf8'), Number.MAX_SAFE_INTEGER);
      throw invalid('body', [{ field: field || 'body', problem: `must be valid UTF-8 (byte ${badByte} of the body is not)` }]);
    }
    let text = Buffer.from(bytes).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      const field = position === undefined ? '' : jsonPathAt(text, Number(position));
      throw ApiError.badRequest('bad_request', `the body is not valid JSON${field ? ` (at ${field})` : ''}: ${(error as Error).message}`);
    }
    const problems = findInputProblems(body, { maxDepth: this.settings.maxDepth, multiline: true });
    if (problems.length > 0) throw invalid('body', problems);
    request.body = body;
  }

  private async readRaw(request: IncomingMessage & { body?: unknown }, response: ServerResponse, limit: number): Promise<Buffer> {
    let reader = this.readers.get(limit);
    if (!reader) {
      reader = raw({ type: () => true, limit, inflate: true });
      this.readers.set(limit, reader);
    }
    await new Promise<void>((resolve, reject) => {
      reader(request, response, (error?: unknown) => {
        if (!error) return resolve();
        const failure = error as { type?: string; status?: number; message?: string };
        if (failure.type === 'entity.too.large') {
          reject(
            new ApiError(
              HttpStatus.PAYLOAD_TOO_LARGE,
              'payload_too_large',
              `the body is larger than this route accepts (${formatBytes(limit)} of JSON)`,
              { limit },
            ),
          );
        } else {
          reject(error);
        }
      });
    });
    const bytes = request.body as unknown;
    request.body = undefined;
    return Buffer.isBuffer(bytes) ? bytes : Buffer.alloc(0);
  }
}

function hasBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
