import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * OpenAPI 3.0 schemas as JSON Schema (draft-07) that ajv validates: `nullable: true` becomes
 * "this schema, or null"; the keywords OpenAPI adds and JSON Schema does not know (`example`,
 * `discriminator`, `xml`, `externalDocs`, `deprecated`) are dropped; the boolean
 * `exclusiveMinimum`/`exclusiveMaximum` of OpenAPI 3.0 become draft-07 numbers; `$ref`s into the
 * document's component schemas point at the definitions registered under the document's id.
 */

type Json = Record<string, any>;

const OPENAPI_ONLY = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs', 'deprecated']);
/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const ONE_SCHEMA = new Set(['additionalProperties', 'items', 'not', 'propertyNames', 'contains', 'if', 'then', 'else']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions']);
const COMPONENT_SCHEMAS = '#/components/schemas/';

/**
 * `closed`: an object schema that lists its properties and says nothing of others accepts no
 * others (`additionalProperties: false`), so an answer carrying a field its document does not
 * name fails. For what a service sends; what it receives stays open as written.
 */
export function toJsonSchema(schema: unknown, documentId?: string, closed = false): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Json;
  const converted: Json = {};
  const convert = (s: unknown) => toJsonSchema(s, documentId, closed);
  for (const [keyword, value] of Object.entries(source)) {
    if (OPENAPI_ONLY.has(keyword)) continue;
    if (keyword === '$ref' && typeof value === 'string' && documentId && value.startsWith(COMPONENT_SCHEMAS)) {
      converted[keyword] = `${documentId}#/definitions/${value.slice(COMPONENT_SCHEMAS.length)}`;
    } else if (ONE_SCHEMA.has(keyword)) {
      converted[keyword] = Array.isArray(value) ? value.map(convert) : convert(value);
    } else if (SCHEMA_LIST.has(keyword)) {
      converted[keyword] = (value as unknown[]).map(convert);
    } else if (SCHEMA_MAP.has(keyword)) {
      converted[keyword] = Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, convert(s)]));
    } else {
      converted[keyword] = value;
    }
  }
  if (closed && converted['properties'] && !('additionalProperties' in converted) && !('patternProperties' in converted))
    converted['additionalProperties'] = false;
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof converted[exclusive] !== 'boolean') continue;
    if (converted[exclusive] && typeof converted[bound] === 'number') {
      converted[exclusive] = converted[bound];
      delete converted[bound];
    } else {
      delete converted[exclusive];
    }
  }
  if (source['nullable'] !== true) return converted;
  // an enum that is nullable lists null itself in OpenAPI 3.0.3; either way null is accepted
  return { anyOf: [converted, { type: 'null' }] };
}

/** The component schemas of an OpenAPI document as the definitions of one JSON Schema, registered under `id`. */
export function componentsSchema(document: Json, id: string, closed = false): Json {
  const schemas = (document.components?.schemas ?? {}) as Json;
  return { $id: id, definitions: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toJsonSchema(s, id, closed)])) };
}

/**
 * One ajv for several OpenAPI documents: each document's components are registered under its
 * name, and `compile` takes a schema as the document writes it (with `#/components` refs).
 * Strict: a keyword that is neither JSON Schema nor one of OpenAPI's known extras fails, so a
 * schema the converter does not understand is never silently accepted.
 */
const closedId = (documentId: string) => `${documentId}-closed`;

export class OpenApiValidators {
  readonly ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(documents: Map<string, Json>) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    for (const [name, document] of documents) {
      for (const id of [name, closedId(name)]) {
        const components = componentsSchema(document, id, id !== name);
        this.ajv.addSchema(components);
        // compiles every component now: a keyword strict mode refuses fails here, not in the middle of a walk
        for (const schema of Object.keys(components['definitions'] as Json)) this.ajv.getSchema(`${id}#/definitions/${schema}`);
      }
    }
  }

  /** A validator of `schema` as the document writes it; `closed` (for answers): no field the document does not name. */
  compile(documentId: string, schema: Json, closed = false): ValidateFunction {
    const id = closed ? closedId(documentId) : documentId;
    const key = `${id} ${JSON.stringify(schema)}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, id, closed) as Json);
      this.cache.set(key, validate);
    }
    return validate;
  }

  /** The errors of the last validation, naming the field a closed object does not know. */
  errors(validate: ValidateFunction): string {
    return (validate.errors ?? [])
      .map((e) => {
        const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
        return `${e.instancePath || 'body'} ${e.message}${extra}`;
      })
      .join('; ');
  }
}
