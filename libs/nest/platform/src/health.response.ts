import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiProblem } from './openapi/api-problem';

/** What one dependency check saw: `status` and whatever the check reports beside it. */
const DEPENDENCY: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up', 'down'] } },
  additionalProperties: true,
};

/** GET /health/ready when the service takes traffic. */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({
    type: 'object',
    additionalProperties: DEPENDENCY,
    description: 'each dependency (database, broker, producer, consumers, outbox relay) by name, with what its check saw',
    example: { database: { status: 'up' }, broker: { status: 'up' } },
  })
  dependencies!: Record<string, { status: string } & Record<string, unknown>>;
}

/** GET /health/ready's 503: the shared problem with the state of each dependency. */
export class ReadinessProblem extends ApiProblem {
  @ApiProperty({
    enum: ['error', 'shutting_down'],
    description: '`error`: a dependency is down; `shutting_down`: the service is stopping and takes no new work',
  })
  state!: 'error' | 'shutting_down';

  @ApiProperty({
    type: 'object',
    additionalProperties: DEPENDENCY,
    description: 'each dependency by name with what its check saw (empty while shutting down)',
    example: { database: { status: 'up' }, broker: { status: 'down', error: 'connect ECONNREFUSED' } },
  })
  dependencies!: Record<string, { status: string } & Record<string, unknown>>;

  @ApiPropertyOptional({ format: 'date-time', description: 'when shutdown began (state `shutting_down` only)' })
  shuttingDownSince?: string;
}
