/** how often a consumer is retried while the broker does not answer */
const OUTAGE_RETRY_MS = 5000;

export type ConsumerState = 'starting' | 'joined' | 'rebalancing' | 'restarting' | 'failed' | 'stopped';

export interface ConsumerSupervisorOptions {
  /** crashes in a row restarted before the consumer is declared failed (liveness then fails) */
  maxRestarts: number;
  /** pause before the first restart; it doubles per crash in a row, up to maxBackoffMs */
  initialBackoffMs: number;
  maxBackoffMs?: number;
  /** a join that held this long ends a run of crashes: the next crash counts from one again */
  stableAfterMs?: number;
}

export interface ConsumerSupervisorHooks {
  /** reconnects and runs the consumer again; a rejection counts as another crash */
  restart(): Promise<void>;
  /**
   * Whether the broker answers. A crash while it does not is an outage, not a fault of this
   * process: it is retried at the back-off ceiling without counting towards maxRestarts.
   */
  brokerReachable?(): Promise<boolean>;
  log?(level: 'log' | 'warn' | 'error', message: string): void;
  now?(): number;
  schedule?(work: () => void, ms: number): () => void;
}

export interface ConsumerHealth {
  state: ConsumerState;
  /** crashes in the current run (reset by a join that held stableAfterMs) */
  crashes: number;
  restarts: number;
  lastError: string | null;
  /** set while a restart is pending */
  nextRestartInMs: number | null;
}

/**
 * Keeps a Kafka consumer running: a crash (any error kafkajs gives up on, including protocol
 * errors it does not restart from by itself) leads to a restart after a doubling back-off. When
 * crashes keep coming while the broker answers, the consumer is declared failed: nothing in the
 * process will bring it back, so liveness reports it and the orchestrator restarts the process.
 */
export class ConsumerSupervisor {
  private current: ConsumerState = 'starting';
  private crashes = 0;
  private restarts = 0;
  private lastError: string | null = null;
  private lastJoinAt: number | null = null;
  private restartAt: number | null = null;
  private cancelRestart: (() => void) | null = null;
  private everJoined = false;

  constructor(
    private readonly options: ConsumerSupervisorOptions,
    private readonly hooks: ConsumerSupervisorHooks,
  ) {}

  get state(): ConsumerState {
    return this.current;
  }

  /** Has joined its group once and is not crashed, restarting, failed or stopped. */
  get consuming(): boolean {
    return this.current === 'joined' || (this.current === 'rebalancing' && this.everJoined);
  }

  get failed(): boolean {
    return this.current === 'failed';
  }

  health(): ConsumerHealth {
    return {
      state: this.current,
      crashes: this.crashes,
      restarts: this.restarts,
      lastError: this.lastError,
      nextRestartInMs: this.restartAt === null ? null : Math.max(0, this.restartAt - this.now()),
    };
  }

  joined(): void {
    if (this.current === 'stopped' || this.current === 'failed') return;
    this.current = 'joined';
    this.everJoined = true;
    this.lastJoinAt = this.now();
  }

  rebalancing(): void {
    if (this.current === 'joined') this.current = 'rebalancing';
  }

  /** The consumer crashed and will not restart by itself. */
  async crashed(error: Error): Promise<void> {
    if (this.current === 'stopped' || this.current === 'failed') return;
    const stableAfter = this.options.stableAfterMs ?? 60_000;
    if (this.lastJoinAt !== null && this.now() - this.lastJoinAt >= stableAfter) this.crashes = 0;
    this.lastJoinAt = null;
    this.lastError = `${error.name}: ${error.message}`;
    this.current = 'restarting';
    const outage = this.hooks.brokerReachable ? !(await this.hooks.brokerReachable().catch(() => false)) : false;
    if (this.current !== 'restarting') return; // stopped meanwhile
    if (!outage) this.crashes += 1;
    if (this.crashes > this.options.maxRestarts) {
      this.current = 'failed';
      this.hooks.log?.(
        'error',
        `consumer failed for good after ${this.crashes} crashes in a row (last: ${this.lastError}); liveness now reports it`,
      );
      return;
    }
    const ceiling = this.options.maxBackoffMs ?? 30_000;
    const delay = outage
      ? Math.min(ceiling, OUTAGE_RETRY_MS)
      : Math.min(ceiling, this.options.initialBackoffMs * 2 ** Math.max(0, this.crashes - 1));
    this.hooks.log?.(
      'warn',
      `consumer crashed (${this.lastError}); ${outage ? 'the broker does not answer: ' : `crash ${this.crashes} of at most ${this.options.maxRestarts}: `}restarting in ${delay} ms`,
    );
    this.restartAt = this.now() + delay;
    const schedule =
      this.hooks.schedule ??
      ((work, ms) => {
        const timer = setTimeout(work, ms);
        timer.unref();
        return () => clearTimeout(timer);
      });
    this.cancelRestart = schedule(() => void this.runRestart(), delay);
  }

  private async runRestart(): Promise<void> {
    this.cancelRestart = null;
    this.restartAt = null;
    if (this.current !== 'restarting') return;
    this.restarts += 1;
    try {
      await this.hooks.restart();
      this.hooks.log?.('log', `consumer restarted (restart ${this.restarts}), joining its group`);
    } catch (error) {
      await this.crashed(error as Error);
    }
  }

  /** The service is closing: no more restarts. */
  stop(): void {
    this.cancelRestart?.();
    this.cancelRestart = null;
    this.restartAt = null;
    this.current = 'stopped';
  }

  private now(): number {
    return this.hooks.now?.() ?? Date.now();
  }
}
