import type { FaultPlatform, ServiceProcess } from './platform';

/**
 * What an orchestrator does for the processes of a case that allows restarts: a process that
 * ended on its own is started again, and so is one whose /health/live failed three probes in a
 * row (killed first), after a start-up grace period. Every restart is counted with its reason.
 */
export class Orchestrator {
  readonly restarts: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly failures = new Map<ServiceProcess, number>();
  private readonly graceUntil = new Map<ServiceProcess, number>();
  private probing = false;

  constructor(
    private readonly platform: FaultPlatform,
    private readonly graceMs = 60_000,
  ) {}

  start(intervalMs = 2000): this {
    this.timer = setInterval(() => void this.probe(), intervalMs);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await Promise.all(this.platform.all().map((replica) => this.check(replica)));
    } finally {
      this.probing = false;
    }
  }

  private async check(replica: ServiceProcess): Promise<void> {
    if ((this.graceUntil.get(replica) ?? 0) > Date.now()) return;
    if (!replica.running) {
      this.restart(replica, 'exited on its own');
      return;
    }
    const live = await fetch(`${replica.url}/health/live`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    const failures = live ? 0 : (this.failures.get(replica) ?? 0) + 1;
    this.failures.set(replica, failures);
    if (failures >= 3) {
      await replica.signal('SIGKILL');
      this.restart(replica, 'liveness failed 3 times');
    }
  }

  private restart(replica: ServiceProcess, reason: string): void {
    this.restarts.push(`${replica.label}: ${reason}`);
    this.failures.set(replica, 0);
    this.graceUntil.set(replica, Date.now() + this.graceMs);
    replica.spawn();
  }
}
