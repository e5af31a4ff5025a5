import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from './auth/auth.decorators';
import { ReadinessRegistry } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: database reachable, Kafka connected, consumers joined. 503 otherwise. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      ...this.readiness.all().map((check) => async () => {
        const indicator = this.indicators.check(check.name);
        const result = await check.check().catch((error: Error) => ({ up: false, details: { error: error.message } }));
        return result.up ? indicator.up(result.details) : indicator.down(result.details);
      }),
    ]);
  }
}
