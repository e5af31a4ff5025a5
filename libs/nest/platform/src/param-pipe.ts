import { Injectable, mixin, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiError } from './api-error';
import { DescribesParameter } from './openapi/openapi-document';

/** What one kind of path or query id accepts. */
export interface ParamRule<T extends string> {
  /** true for the values the route takes */
  accepts: (value: string) => boolean;
  /** what is wrong with a refused value, written after "<parameter>: " */
  problem: string | ((value: string) => string);
  /** the refusal's code: validation_failed unless the route's contract names another */
  code?: string;
  /** the value handed to the handler (a UUID in lower case, say) */
  normalise?: (value: string) => T;
  /** the values it takes, for the OpenAPI document */
  schema: SchemaObject;
}

/**
 * A pipe for one kind of id: a value the rule refuses is answered with a 400 naming the
 * parameter ("<name>: <problem>", and under `errors`) before any query runs.
 * `@Param('id', UuidParamPipe)`; a service's own kinds are made the same way.
 */
export function ParamPipe<T extends string = string>(rule: ParamRule<T>): Type<PipeTransform<unknown, T>> {
  @Injectable()
  @DescribesParameter(rule.schema)
  class RuleParamPipe implements PipeTransform<unknown, T> {
    transform(value: unknown, metadata: ArgumentMetadata): T {
      if (typeof value === 'string' && rule.accepts(value)) return rule.normalise ? rule.normalise(value) : (value as T);
      const text = typeof value === 'string' ? value : String(value);
      const problem = typeof rule.problem === 'function' ? rule.problem(text) : rule.problem;
      throw ApiError.validationFailed([{ field: metadata.data ?? 'id', message: problem }], rule.code);
    }
  }
  return mixin(RuleParamPipe);
}

/** A pipe for ids of one textual shape: `pattern` must match the whole value. */
export function PatternParamPipe(
  pattern: RegExp,
  problem: string,
  options: { code?: string; maxLength?: number } = {},
): Type<PipeTransform<unknown, string>> {
  return ParamPipe({
    accepts: (value) => pattern.test(value),
    problem,
    code: options.code,
    schema: { type: 'string', pattern: pattern.source, ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}) },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a UUID, handed on in lower case. */
export const UuidParamPipe = ParamPipe({
  accepts: (value) => UUID.test(value),
  problem: 'must be a UUID',
  normalise: (value) => value.toLowerCase(),
  schema: { type: 'string', format: 'uuid' },
});
