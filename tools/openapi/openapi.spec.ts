import { BadRequestException, HttpStatus, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { schemasWithoutId } from '@asyncapi/specs';
import { ApiError, createValidationPipe, HttpErrorFilter, PROBLEM_CONTENT_TYPE } from '@support/platform';
import Ajv from 'ajv';
import { IsIn } from 'class-validator';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { buildServiceDocument, documentFile, DOCUMENTED_SERVICES } from './openapi';

type Json = Record<string, any>;

class PriorityForm {
  @IsIn(['low', 'normal']) priority!: string;
}
const SERVICES = Object.keys(DOCUMENTED_SERVICES);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function committed(service: string): Json {
  return JSON.parse(readFileSync(documentFile(service), 'utf8')) as Json;
}

function operations(document: Json): Array<{ key: string; path: string; method: string; operation: Json }> {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      path,
      method,
      operation: item[method] as Json,
    })),
  );
}

/** What the shared error filter answers for an exception, as a client receives it. */
function filtered(exception: unknown, url = '/v1/things/7?q=secret'): { status: number; type: string; body: Json } {
  const answer = { status: 0, type: '', body: {} as Json, headers: {} as Record<string, string> };
  // the part of a Fastify reply the filter uses
  const response = {
    sent: false,
    raw: { headersSent: false },
    header(name: string, value: string) {
      answer.headers[name] = value;
      return this;
    },
    status(code: number) {
      answer.status = code;
      return this;
    },
    type(value: string) {
      answer.type = value;
      return this;
    },
    send(text: string) {
      answer.body = JSON.parse(text) as Json;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ url }) }),
  } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return answer;
}

/**
 * The shared ApiProblem, or a component extending it (a readiness 503 adds `state` and
 * `dependencies`): every member of ApiProblem, the same schema, required alike.
 */
function isProblem(schemas: Json, ref: string | undefined): boolean {
  const prefix = '#/components/schemas/';
  if (ref === `${prefix}ApiProblem`) return true;
  const shared = schemas['ApiProblem'] as Json;
  const own = ref?.startsWith(prefix) ? (schemas[ref.slice(prefix.length)] as Json | undefined) : undefined;
  if (!own) return false;
  const sameMembers = Object.entries(shared.properties as Json).every(
    ([name, schema]) => JSON.stringify(own.properties?.[name]) === JSON.stringify(schema),
  );
  return sameMembers && (shared.required as string[]).every((name) => (own.required ?? []).includes(name));
}

describe('OpenAPI documents (docs/openapi)', () => {
  const built = new Map<string, Json>();
  beforeAll(async () => {
    for (const service of SERVICES) built.set(service, (await buildServiceDocument(service)) as Json);
  });

  it.each(SERVICES)('%s is up to date with the controllers (regenerate: npm run docs:api)', (service) => {
    expect(committed(service)).toEqual(built.get(service));
  });

  it.each(SERVICES)('%s writes every schema as an OpenAPI 3.0 Schema Object (the JSON schema @asyncapi/specs carries)', (service) => {
    // AsyncAPI 3.0 accepts OpenAPI 3.0 schemas and ships their JSON schema: a schema field holds one, or a Reference Object
    const definitions = (schemasWithoutId['3.0.0'] as Json)['definitions'] as Json;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schemaObject = { $ref: '#/definitions/openapiSchema_3_0' };
    const validate = ajv.compile({ anyOf: [{ $ref: '#/definitions/openapiSchema_3_0/definitions/Reference' }, schemaObject], definitions });
    const document = committed(service);
    const found: [string, unknown][] = Object.entries(document.components.schemas as Json).map(([name, schema]) => [name, schema]);
    for (const { key, operation } of operations(document)) {
      for (const parameter of operation.parameters ?? []) found.push([`${key} ${parameter.in} ${parameter.name}`, parameter.schema]);
      for (const [type, content] of Object.entries((operation.requestBody?.content ?? {}) as Json))
        found.push([`${key} ${type} body`, content.schema]);
      for (const [status, response] of Object.entries(operation.responses as Json))
        for (const [type, content] of Object.entries((response.content ?? {}) as Json))
          found.push([`${key} ${status} ${type}`, content.schema]);
    }
    const invalid = found.filter(([, schema]) => !validate(schema)).map(([where]) => `${where}: ${ajv.errorsText(validate.errors)}`);
    expect(invalid).toEqual([]);
    expect(found.length).toBeGreaterThan(50);
    // JSON Schema's null type, which OpenAPI 3.0 writes as nullable, is refused
    expect(validate({ type: ['string', 'null'] })).toBe(false);
  });

  it.each(SERVICES)('%s documents every success body, the shared error body and every parameter', (service) => {
    const document = committed(service);
    const schemas = document.components.schemas as Json;
    const gaps: string[] = [];
    for (const { key, path, operation } of operations(document)) {
      const responses = operation.responses as Json;
      const success = Object.entries(responses).filter(([status]) => /^2/.test(status));
      if (success.length === 0) gaps.push(`${key}: no success response`);
      for (const [status, response] of success) {
        if (status !== '204' && !response.content) gaps.push(`${key}: ${status} has no body schema`);
      }
      for (const [status, response] of Object.entries(responses)) {
        if (status !== 'default' && Number(status) < 400) continue;
        const schema = response.content?.[PROBLEM_CONTENT_TYPE]?.schema;
        if (!isProblem(schemas, schema?.$ref)) gaps.push(`${key}: ${status} is not the shared ApiProblem (or a problem extending it)`);
      }
      for (const status of ['400', '401', '503', 'default']) if (!responses[status]) gaps.push(`${key}: no ${status}`);
      if (operation.requestBody && !(responses['413'] && responses['415'])) gaps.push(`${key}: reads a body but lists no 413/415`);
      if (/\{/.test(path) && !responses['404']) gaps.push(`${key}: names a resource but lists no 404`);
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!(operation.parameters ?? []).some((p: Json) => p.in === 'path' && p.name === name))
          gaps.push(`${key}: path parameter ${name} undocumented`);
      }
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema as Json | undefined;
        if (!schema || !(schema.type || schema.enum || schema.$ref))
          gaps.push(`${key}: ${parameter.in} parameter ${parameter.name} has no type`);
      }
    }
    // every reference resolves
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]*)"/g)) {
      if (!schemas[name]) gaps.push(`unresolved $ref ${name}`);
    }
    expect(gaps).toEqual([]);
    expect(operations(document).length).toBeGreaterThan(5);
  });

  it('serves one error schema, and the error filter answers in it (ajv)', async () => {
    const schemas = SERVICES.map((service) => committed(service).components.schemas.ApiProblem);
    for (const schema of schemas) expect(schema).toEqual(schemas[0]);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const components = committed(SERVICES[0]).components.schemas as Json;
    for (const [name, schema] of Object.entries(components)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const validate = ajv.compile({ $ref: '#/components/schemas/ApiProblem' });

    const validation = await createValidationPipe()
      .transform({ priority: 'whenever', extra: 1 }, { type: 'body', metatype: PriorityForm })
      .then(
        () => new Error('the validation pipe accepted an invalid body'),
        (error: unknown) => error,
      );
    const cases = [
      validation,
      new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', 'the body is larger than this route accepts (64 KiB of JSON)', {
        limit: 65536,
      }),
      new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'not ready: broker', { state: 'error', dependencies: {} }),
      new NotFoundException('Cannot GET /nowhere'),
      new BadRequestException(['a must be a string', 'b must be a number']),
      new Error('an internal failure'),
    ];
    for (const exception of cases) {
      const answer = filtered(exception);
      expect(answer.type).toBe(PROBLEM_CONTENT_TYPE);
      expect(validate(answer.body) ? [] : validate.errors).toEqual([]);
      expect(answer.body).toMatchObject({
        status: answer.status,
        statusCode: answer.status,
        detail: answer.body.message,
        instance: '/v1/things/7',
      });
      expect(answer.body.type).toBe(`tag:support-desk,2026:problem:${answer.body.code}`);
    }
    // the validation answer keeps its field list
    expect(filtered(validation).body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(
      filtered(validation)
        .body.errors.map((e: Json) => e.field)
        .sort(),
    ).toEqual(['extra', 'priority']);
    // readiness documents its 503 with its own members: what the filter answers fits it
    const readiness = ajv.compile({ $ref: '#/components/schemas/ReadinessProblem' });
    const notReady = new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'not ready: broker', {
      state: 'error',
      dependencies: { broker: { status: 'down', error: 'connect ECONNREFUSED' } },
    });
    expect(readiness(filtered(notReady).body) ? [] : readiness.errors).toEqual([]);
    expect(readiness(filtered(new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'x')).body)).toBe(false);
    // a detail named like an RFC 9457 member does not replace it
    expect(filtered(new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'x', { status: 'error' })).body.status).toBe(503);
  });

  it('marks public routes as taking an optional token, and every other route as needing one', () => {
    const ticketing = committed('ticketing');
    expect(ticketing.paths['/health/ready'].get.security).toEqual([{}, { bearer: [] }]);
    expect(ticketing.paths['/v1/tickets'].post.security ?? ticketing.security).toEqual([{ bearer: [] }]);
    expect(ticketing.security).toEqual([{ bearer: [] }]);
    const kb = committed('knowledge-base');
    expect(kb.paths['/v1/articles'].get.security).toEqual([{}, { bearer: [] }]);
    expect(kb.paths['/v1/admin/articles'].get.responses['403']).toBeDefined();
  });
});
