import { isTransientDatabaseError } from '@support/persistence';

export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number;
  /** the back-off ceiling doubles from this */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Deadlocks and lock-wait timeouts between concurrent batches are normal under load and pass in
 * milliseconds; a database that went away may come back within seconds. Both are retried in the
 * process, with full-jitter back-off so that two batches that collided do not collide again.
 */
export const TRANSIENT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 25, maxDelayMs: 2000 };

export interface RetryHooks {
  /** false once the consumer is stopping: give up at once and let Kafka redeliver */
  shouldContinue?: () => boolean;
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
  /** test seam */
  sleep?: (ms: number) => Promise<void>;
}

export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Runs `work`, again after a jittered pause while it fails with a transient database error. */
export async function retryTransient<T>(work: () => Promise<T>, policy: RetryPolicy = TRANSIENT_RETRY, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retry = isTransientDatabaseError(error) && attempt < policy.attempts && (hooks.shouldContinue?.() ?? true);
      if (!retry) throw error;
      const delay = backoffDelay(policy, attempt);
      hooks.onRetry?.(error as Error, attempt, delay);
      await sleep(delay);
    }
  }
}
