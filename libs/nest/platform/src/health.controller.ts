import { Controller, Get, Header, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ApiError } from './api-error';
import { Public } from './auth/auth.decorators';
import { ReadinessProblem, ReadinessResponse } from './health.response';
import { PROBLEM_CONTENT_TYPE } from './openapi/api-problem';
import { ReadinessRegistry } from './readiness';

type Dependencies = HealthIndicatorResult;

/** "broker (connect ECONNREFUSED); consumer (restarting)": what a 503 message names. */
function describeDown(dependencies: Dependencies): string {
  return Object.entries(dependencies)
    .filter(([, state]) => state.status !== 'up')
    .map(([name, state]) => {
      const reason = state['error'] ?? state['message'] ?? state['state'];
      return reason ? `${name} (${String(reason)})` : name;
    })
    .join('; ');
}

@ApiTags('health')
@ApiExtraModels(ReadinessProblem)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /**
   * The process works: its event loop answers and nothing in it has failed beyond its own
   * recovery (a consumer that kept crashing after its restarts). 503 `not_live` otherwise: the
   * orchestrator should restart the process. An outage of a dependency is not a liveness failure.
   */
  @Get('live')
  @ApiOkResponse({
    description: 'the process works; `checks` holds what each liveness check saw',
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: { status: { type: 'string', enum: ['ok'] }, checks: { type: 'object', additionalProperties: true } },
    },
  })
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  live(): { status: 'ok'; checks: Record<string, unknown> } {
    const checks: Record<string, { alive: boolean } & Record<string, unknown>> = {};
    for (const check of this.readiness.allLiveness()) {
      const result = check.check();
      checks[check.name] = { alive: result.alive, ...(result.details ?? {}) };
    }
    const dead = Object.entries(checks).filter(([, result]) => !result.alive);
    if (dead.length > 0) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not_live',
        `the process cannot recover by itself and should be restarted: ${dead.map(([name, r]) => `${name} (${String(r['lastError'] ?? r['state'] ?? 'failed')})`).join('; ')}`,
        { state: 'error', checks },
      );
    }
    return { status: 'ok', checks };
  }

  /**
   * Ready for traffic: the database answers a ping, the broker a metadata request, the producer
   * is connected, the consumers have joined their group and are not crashed, the outbox relay
   * runs. 503 `not_ready` otherwise, with each dependency's state in `dependencies`.
   */
  @Get('ready')
  // terminus documents its own { status, info, error, details }: this route answers its own shape
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: ReadinessResponse, description: 'ready for traffic; `dependencies` holds what each check saw' })
  @ApiServiceUnavailableResponse({
    description: 'not ready (`not_ready`): a dependency is down, or the service is shutting down; retry after `Retry-After`',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ReadinessProblem) } } },
  })
  async ready(): Promise<{ status: 'ok'; dependencies: Dependencies }> {
    const since = this.readiness.shuttingDownSince;
    if (since) {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'not ready: the service is shutting down', {
        state: 'shutting_down',
        shuttingDownSince: since.toISOString(),
        dependencies: {},
      });
    }
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        ...this.readiness.all().map((check) => async () => {
          const indicator = this.indicators.check(check.name);
          const outcome = await check.check().catch((error: Error) => ({ up: false, details: { error: error.message } }));
          return outcome.up ? indicator.up(outcome.details) : indicator.down(outcome.details);
        }),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const dependencies = ((error.getResponse() as HealthCheckResult).details ?? {}) as Dependencies;
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not_ready',
        `not ready: ${describeDown(dependencies) || 'a dependency is down'}`,
        {
          state: 'error',
          dependencies,
        },
      );
    }
    return { status: 'ok', dependencies: result.details as Dependencies };
  }
}
