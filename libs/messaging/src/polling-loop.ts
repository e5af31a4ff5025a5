export interface PollingLoopOptions {
  /** the pause between passes that found less than a full batch */
  intervalMs: number;
  /** longest pause after failures; the back-off doubles from 200 ms up to it */
  maxBackoffMs?: number;
  onError?: (error: Error, consecutiveFailures: number) => void;
  onRecovered?: () => void;
}

/**
 * Runs a pass, again at once when it reported more work waiting, else after the interval or a
 * nudge; backs off while passes fail. Every periodic job runs on it rather than a bare
 * setInterval: the outbox relay, the durable-timer scheduler, the inbox prune, the anti-entropy
 * re-drives and sweeps, the plan-expiry sweep and the knowledge base's view-count flush.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  lastError: string | null = null;

  constructor(
    private readonly pass: () => Promise<{ moreWaiting: boolean }>,
    private readonly options: PollingLoopOptions,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the pass in flight finish, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    this.loop = null;
  }

  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moreWaiting = false;
      try {
        ({ moreWaiting } = await this.pass());
        if (this.failures > 0) this.options.onRecovered?.();
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.failures += 1;
        this.lastError = (error as Error).message;
        this.options.onError?.(error as Error, this.failures);
      }
      if (!this.running) break;
      if (moreWaiting && this.failures === 0) continue;
      const pause = this.failures === 0 ? this.options.intervalMs : Math.min(this.options.maxBackoffMs ?? 5000, 200 * 2 ** this.failures);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
