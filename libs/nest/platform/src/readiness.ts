import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}

/** Modules register what must work before the service takes traffic (database, Kafka, ...). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }
}
