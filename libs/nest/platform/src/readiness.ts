import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}

export interface LivenessCheck {
  readonly name: string;
  /** false only when nothing in the process will recover by itself: the orchestrator should restart it */
  check(): { alive: boolean; details?: Record<string, unknown> };
}

/**
 * Modules register what must work before the service takes traffic (database, Kafka, ...), and
 * what, once broken for good, calls for a restart of the process (liveness).
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];
  private readonly liveness: LivenessCheck[] = [];
  private stoppingSince: Date | null = null;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }

  registerLiveness(check: LivenessCheck): void {
    this.liveness.push(check);
  }

  allLiveness(): readonly LivenessCheck[] {
    return this.liveness;
  }

  /** Shutdown has begun: readiness answers 503 from now on, so load balancers stop sending work. */
  markShuttingDown(): void {
    this.stoppingSince ??= new Date();
  }

  get shuttingDownSince(): Date | null {
    return this.stoppingSince;
  }
}
