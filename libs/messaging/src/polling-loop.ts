export interface PollingLoopOptions {
  /** the pause between passes that found less than a full batch */
  intervalMs: number;
  /** longest pause after failures; the back-off doubles from 200 ms up to it */
  maxBackoffMs?: number;
  /**
   * a nudged pass starts at least this long after the previous pass started (0: at once), so
   * that work announced a little at a time is taken in one pass (the outbox relay's linger)
   */
  minGapMs?: number;
  onError?: (error: Error, consecutiveFailures: number) => void;
  onRecovered?: () => void;
}

/**
 * Runs a pass, again at once when it reported more work waiting, else after the interval or a
 * nudge (one that came while the pass ran counts); a nudged pass starts no sooner than
 * `minGapMs` after the previous one started; backs off while passes fail. Every periodic job runs
 * on it rather than a bare setInterval: the outbox relay, the durable-timer scheduler, the inbox
 * prune, the anti-entropy re-drives and sweeps, the plan-expiry sweep and the knowledge base's
 * view-count flush.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  /** ends the current pause early: set while a pause may be cut short by a nudge */
  private wake: (() => void) | null = null;
  /** ends the current pause early for stop(), whatever the pause */
  private halt: (() => void) | null = null;
  /** a nudge came while a pass ran: what it announced may have been too late for that pass */
  private nudgedDuringPass = false;
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
    this.halt?.();
    await this.loop;
    this.loop = null;
  }

  /** Runs a pass now, or right after the one in flight (a nudge during a pass is never lost). */
  nudge(): void {
    if (this.wake) this.wake();
    else this.nudgedDuringPass = true;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const startedAt = Date.now();
      let moreWaiting = false;
      this.nudgedDuringPass = false;
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
      if (this.failures > 0) {
        await this.pause(Math.min(this.options.maxBackoffMs ?? 5000, 200 * 2 ** this.failures), true);
        continue;
      }
      // a full batch: the backlog is taken at once, whatever the gap
      if (moreWaiting) continue;
      const nudged = this.nudgedDuringPass || (await this.pause(this.options.intervalMs, true));
      if (nudged && this.running) await this.pause(startedAt + (this.options.minGapMs ?? 0) - Date.now(), false);
    }
  }

  /** Waits `ms` (stop() ends it; a nudge too, when `nudgeable`); true when a nudge ended it. */
  private pause(ms: number, nudgeable: boolean): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const end = (nudged: boolean) => {
        clearTimeout(timer);
        this.wake = null;
        this.halt = null;
        resolve(nudged);
      };
      const timer = setTimeout(() => end(false), ms);
      this.halt = () => end(false);
      if (nudgeable) this.wake = () => end(true);
    });
  }
}
