import type { FaultPlatform } from './platform';

/**
 * Samples every replica's /health/ready and /health/live while a fault lasts, so a case can say
 * what operators saw: whether readiness noticed the outage, and whether the processes stayed alive.
 */
export class ReadinessWatch {
  private timer: NodeJS.Timeout | null = null;
  /** replica label → statuses seen (a number, or "no answer") */
  readonly ready = new Map<string, Set<string>>();
  readonly live = new Map<string, Set<string>>();
  private sampling = false;

  constructor(private readonly platform: FaultPlatform) {}

  start(intervalMs = 1000): this {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      await Promise.all(
        this.platform.all().map(async (replica) => {
          for (const [path, seen] of [
            ['/health/ready', this.ready],
            ['/health/live', this.live],
          ] as const) {
            const status = await fetch(`${replica.url}${path}`, { signal: AbortSignal.timeout(3000) }).then(
              (response) => String(response.status),
              () => 'no answer',
            );
            if (!seen.has(replica.label)) seen.set(replica.label, new Set());
            seen.get(replica.label)!.add(status);
          }
        }),
      );
    } finally {
      this.sampling = false;
    }
  }

  /** Replicas that never answered their readiness with an error status (503) while watched. */
  neverUnready(): string[] {
    return this.platform
      .all()
      .map((replica) => replica.label)
      .filter((label) => {
        const seen = this.ready.get(label);
        return !seen || ![...seen].some((status) => /^[45]\d\d$/.test(status));
      });
  }

  describe(): string {
    return this.platform
      .all()
      .map(
        (replica) =>
          `${replica.label} ready {${[...(this.ready.get(replica.label) ?? [])].join(',')}} live {${[...(this.live.get(replica.label) ?? [])].join(',')}}`,
      )
      .join('; ');
  }
}
