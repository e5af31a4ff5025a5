import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Short forms of @ApiProperty for the response classes (`*.responses.ts`) that document what
 * each operation answers. `nullable: true` marks a member that is present with null.
 */
type Options = Omit<ApiPropertyOptions, 'type' | 'enum' | 'format'> & { nullable?: boolean };

export const ApiText = (options: Options & { format?: string } = {}) => ApiProperty({ type: 'string', ...options } as ApiPropertyOptions);
export const ApiId = (options: Options = {}) => ApiProperty({ type: 'string', format: 'uuid', ...options } as ApiPropertyOptions);
export const ApiInstant = (options: Options = {}) =>
  ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-21T10:00:00.000Z', ...options } as ApiPropertyOptions);
export const ApiInteger = (options: Options = {}) => ApiProperty({ type: 'integer', ...options } as ApiPropertyOptions);
export const ApiNumber = (options: Options = {}) => ApiProperty({ type: 'number', ...options } as ApiPropertyOptions);
export const ApiFlag = (options: Options = {}) => ApiProperty({ type: 'boolean', ...options } as ApiPropertyOptions);
export const ApiOneOf = (values: readonly (string | number)[], options: Options = {}) =>
  ApiProperty({ enum: [...values], ...options } as ApiPropertyOptions);
export const ApiTexts = (options: Options & { format?: string } = {}) =>
  ApiProperty({ type: 'string', isArray: true, ...options } as ApiPropertyOptions);
/** A member holding an instance (or, with isArray, a list) of another response class. */
export const ApiNested = (type: () => new (...args: never[]) => unknown, options: Options & { isArray?: boolean } = {}) =>
  // resolved now (the class is declared above or imported): swagger loses a lazy type that is also nullable
  ApiProperty({ type: type(), ...options } as ApiPropertyOptions);
/** A free-form object (a map, or a shape that varies). */
export const ApiMap = (options: Options & { additionalProperties?: unknown } = {}) =>
  ApiProperty({ type: 'object', additionalProperties: true, ...options } as ApiPropertyOptions);
