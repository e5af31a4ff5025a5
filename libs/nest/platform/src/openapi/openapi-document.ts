import { ParseIntPipe, ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../auth/auth.decorators';
import type { CallerRole } from '../auth/principal';
import { HealthController } from '../health.controller';
import { ApiFieldProblem, ApiProblem, PROBLEM_CONTENT_TYPE } from './api-problem';

export interface HttpAppOptions {
  title: string;
  description: string;
  version?: string;
}

/** Where every service serves its document: Nest's conventional paths and the ones served before. */
export const OPENAPI_PATHS = {
  ui: 'docs',
  json: 'docs-json',
  yaml: 'docs-yaml',
  legacyJson: 'docs/json',
  legacyYaml: 'docs/yaml',
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface RouteFacts {
  isPublic: boolean;
  roles: CallerRole[] | undefined;
  /** the health probes are not rate-limited */
  throttled: boolean;
  /** what the pipes of path and query parameters accept, by `in:name` */
  parameterSchemas: Map<string, SchemaObject>;
}

const PARAMETER_SCHEMA = 'support:openapi-parameter-schema';

/**
 * On a pipe class: the values it lets through, so every path or query parameter it checks is
 * documented with that type, format, pattern or enum.
 */
export function DescribesParameter(schema: SchemaObject): ClassDecorator {
  return (target) => Reflect.defineMetadata(PARAMETER_SCHEMA, schema, target);
}

function pipeSchema(pipe: unknown): SchemaObject | undefined {
  const type = (typeof pipe === 'function' ? pipe : (pipe as object | undefined)?.constructor) as object | undefined;
  if (!type) return undefined;
  if (type === ParseIntPipe) return { type: 'integer' };
  if (type === ParseUUIDPipe) return { type: 'string', format: 'uuid' };
  return Reflect.getMetadata(PARAMETER_SCHEMA, type) as SchemaObject | undefined;
}

/** `in:name` → schema, from the pipes on the handler's @Param() and @Query() arguments. */
function parameterSchemas(controller: object, method: string): Map<string, SchemaObject> {
  const schemas = new Map<string, SchemaObject>();
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { data?: unknown; pipes?: unknown[] }
  >;
  for (const [key, arg] of Object.entries(args)) {
    const paramType = Number(key.split(':')[0]);
    const location = paramType === RouteParamtypes.PARAM ? 'path' : paramType === RouteParamtypes.QUERY ? 'query' : null;
    if (!location || typeof arg.data !== 'string') continue;
    for (const pipe of arg.pipes ?? []) {
      const schema = pipeSchema(pipe);
      if (schema) schemas.set(`${location}:${arg.data}`, { ...schemas.get(`${location}:${arg.data}`), ...schema });
    }
  }
  return schemas;
}

/**
 * The facts the document cannot read from @nestjs/swagger decorators, per operation id
 * (`Controller_method`, swagger's default): whether the route is public and which roles it needs.
 * Read from the controllers' metadata; works on an app created with `preview: true`.
 */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  // the same container @nestjs/swagger's scanner reads
  const container = (app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: unknown }> }> } })
    .container;
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method === 'constructor') continue;
        const handler = (controller.prototype as Record<string, unknown>)[method];
        if (typeof handler !== 'function') continue;
        const read = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        facts.set(`${controller.name}_${method}`, {
          isPublic: read<boolean>(PUBLIC_ROUTE) ?? false,
          roles: read<CallerRole[]>(REQUIRED_ROLES),
          throttled: controller !== HealthController,
          parameterSchemas: parameterSchemas(controller, method),
        });
      }
    }
  }
  return facts;
}

const PROBLEM = { $ref: getSchemaPath(ApiProblem) };

function problemResponse(description: string): ResponseObject {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM } } };
}

/**
 * Adds the errors every route can answer with, in the shared problem schema, to each operation:
 * 400 (malformed query string, path or body; validation), 401, 403 (routes limited to roles),
 * 404 (routes naming a resource in their path), 413 and 415 (routes reading a body: the
 * RequestBodyGuard), 429 (the throttler), 503 (database away), and a default for 500.
 * Responses a controller declares itself (409, 422, a 403 on ownership) keep their description
 * and get the schema. Public routes accept no token or a valid one: `security: [{}, {bearer: []}]`.
 */
export function describeErrors(document: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const fact = facts.get(operation.operationId ?? '') ?? {
        isPublic: false,
        roles: undefined,
        throttled: true,
        parameterSchemas: new Map(),
      };
      const parameters = (operation.parameters ??= []) as ParameterObject[];
      // a path parameter swagger's explorer skipped (a pipe typed as a string union) is still a parameter
      for (const [, name] of template.matchAll(/\{([^}]+)\}/g)) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name))
          parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      }
      for (const parameter of parameters) {
        const described = fact.parameterSchemas.get(`${parameter.in}:${parameter.name}`);
        if (described) parameter.schema = { ...(parameter.schema as SchemaObject | undefined), ...described };
      }
      const readsBody = operation.requestBody !== undefined || ['post', 'put', 'patch'].includes(method);
      const standard: Array<[number, string]> = [
        [400, 'a malformed query string, path parameter or body; validation failures name every field at fault in `errors`'],
        [
          401,
          fact.isPublic
            ? 'a token was sent and is not valid (this route needs none; a resource of a signed-in requester needs theirs)'
            : 'no `Authorization: Bearer` token, or one that is not valid (expired, wrong signature, unknown role)',
        ],
      ];
      if (fact.roles) standard.push([403, `the caller's role is not ${fact.roles.join(' or ')}`]);
      if (parameters.some((p) => p.in === 'path')) standard.push([404, 'nothing with this id (or not visible to the caller)']);
      if (readsBody) {
        standard.push([413, 'the body is larger than this route accepts']);
        standard.push([415, 'the body is not JSON (or not UTF-8), or not the multipart form the route reads']);
      }
      if (fact.throttled)
        standard.push([429, 'over the rate limit (per token holder, or per client address without a token); see `Retry-After`']);
      standard.push([503, 'the service cannot reach its database (or, for readiness, a dependency); retry after `Retry-After`']);
      const responses = operation.responses;
      for (const [status, description] of standard) {
        const existing = responses[status] as ResponseObject | undefined;
        responses[status] = existing ? { ...existing, description: existing.description || description } : { description };
      }
      // every error leaves through HttpErrorFilter, so whatever a decorator said, its body is the problem schema
      // (or a problem+json schema the decorator names: the shared problem with members of its own)
      for (const [status, response] of Object.entries(responses)) {
        const declared = (response as ResponseObject).content?.[PROBLEM_CONTENT_TYPE];
        if (Number(status) >= 400 && !declared) responses[status] = problemResponse((response as ResponseObject).description);
      }
      for (const status of ['429', '503']) {
        const response = responses[status] as ResponseObject | undefined;
        if (response)
          response.headers = {
            'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
          };
      }
      responses['default'] = problemResponse('an unexpected error (500), in the same shape');
      operation.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => (a === 'default' ? 1 : b === 'default' ? -1 : Number(a) - Number(b))),
      );
      if (fact.isPublic) operation.security = [{}, { bearer: [] }];
    }
  }
  return document;
}

/** The service's OpenAPI document: its routes, their bodies and the shared error schema. */
export function buildOpenApiDocument(app: INestApplication, options: HttpAppOptions): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ApiProblem, ApiFieldProblem] },
  );
  describeErrors(document, routeFacts(app));
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) as Record<
    string,
    SchemaObject
  >;
  return document;
}

/**
 * Serves the document at /docs-json and /docs-yaml (Nest's convention), at /docs/json and
 * /docs/yaml as before, and Swagger UI at /docs.
 */
export function serveOpenApiDocument(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(OPENAPI_PATHS.ui, app, document, { jsonDocumentUrl: OPENAPI_PATHS.json, yamlDocumentUrl: OPENAPI_PATHS.yaml });
  SwaggerModule.setup(OPENAPI_PATHS.ui, app, document, {
    ui: false,
    jsonDocumentUrl: OPENAPI_PATHS.legacyJson,
    yamlDocumentUrl: OPENAPI_PATHS.legacyYaml,
  });
}
