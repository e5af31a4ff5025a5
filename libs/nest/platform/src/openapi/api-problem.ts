import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The statuses every error answer can carry, with the RFC 9110 reason phrase used as `title`. */
export const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 `type` of an error code: a tag URI (not meant to be dereferenced) naming the code. */
export function problemType(code: string): string {
  return `tag:support-desk,2026:problem:${code}`;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One field at fault, with every rule it breaks. */
export class ApiFieldProblem {
  @ApiProperty({
    description: 'the field at fault: a dotted path into the body (`items.0.name`), or the query or path parameter',
    example: 'priority',
  })
  field!: string;

  @ApiProperty({
    type: [String],
    description: 'every rule the field breaks',
    example: ['priority must be one of the following values: low, normal, high, urgent'],
  })
  problems!: string[];

  @ApiPropertyOptional({ enum: ['body', 'query', 'path'], description: 'where the field is, when it was checked before validation' })
  in?: 'body' | 'query' | 'path';
}

/**
 * The one error body of every service (RFC 9457 problem details): `code` and `message` as
 * before, next to `type`, `title`, `status`, `detail` and `instance`. Validation failures list
 * every field at fault in `errors`. Some errors add members of their own (a 413 its `limit`, a
 * 429 its `retryAfterSeconds`, a 503 from /health its `dependencies`); clients ignore members
 * they do not know.
 */
export class ApiProblem {
  @ApiProperty({
    format: 'uri',
    description: 'the problem type: a tag URI ending in `code`',
    example: 'tag:support-desk,2026:problem:validation_failed',
  })
  type!: string;

  @ApiProperty({ description: 'the HTTP reason phrase of the status', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, description: 'the HTTP status', example: 400 })
  status!: number;

  @ApiProperty({
    description: 'what is wrong, naming the field or rule at fault (the same text as `message`)',
    example: 'priority: priority must be one of the following values: low, normal, high, urgent',
  })
  detail!: string;

  @ApiProperty({ format: 'uri-reference', description: 'the path of the request that failed', example: '/v1/tickets' })
  instance!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 400,
    maximum: 599,
    description: 'the HTTP status (kept for existing clients; equals `status`)',
    example: 400,
  })
  statusCode!: number;

  @ApiProperty({ pattern: '^[a-z][a-z0-9_]*$', description: 'machine-readable error code', example: 'validation_failed' })
  code!: string;

  @ApiProperty({
    description: 'what is wrong, naming the field or rule at fault',
    example: 'priority: priority must be one of the following values: low, normal, high, urgent',
  })
  message!: string;

  @ApiPropertyOptional({ type: [ApiFieldProblem], description: 'validation failures: every field at fault' })
  errors?: ApiFieldProblem[];
}
