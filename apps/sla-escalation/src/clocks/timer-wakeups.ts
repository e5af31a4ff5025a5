import { Injectable } from '@nestjs/common';
import { SlaEnvironment } from '../environment';
import { SlaTimeSource } from '../time-source';

/**
 * How long after a write that owes a threshold soon its transaction's commit is still awaited: a
 * commit announced within this time wakes the scheduler. A transaction slower than this has its
 * threshold found by the scheduler's next poll instead (at most SLA_TIMER_POLL_INTERVAL_MS later).
 */
export const COMMIT_WINDOW_MS = 5_000;

/**
 * Whether a commit may have left a threshold due before the timer scheduler's next poll, so that
 * the scheduler runs a pass at once instead of waiting for it.
 *
 * The clock ledger tells it the earliest threshold each clock write owes, inside the writing
 * transaction (`owed`); the scheduler asks on every announced commit (`wakeOnCommit`). Only a
 * threshold due within one poll interval counts: one due later is found by the scheduler's own
 * passes, which run at least once a poll interval and each arm a wake-up for the first threshold
 * due within the next. Without this, every consumer commit cost a pass (five statements) that
 * found nothing, since a new ticket's first threshold is minutes or hours away.
 *
 * Process-local, as the scheduler's nudges always were: another replica's scheduler finds the
 * row by its polls. Writes and commits are not paired (a service runs several transactions at
 * once), so a soon threshold wakes on every commit for `COMMIT_WINDOW_MS`; a rolled-back write
 * costs a few passes at most. A due row that a pass skipped because a handler held its clock is
 * woken for when the handler wrote that clock (it still owes the threshold); a handler that only
 * locked the clock, changing nothing, leaves it to the next poll, at most a poll interval later.
 */
@Injectable()
export class TimerWakeups {
  /** until when (Date.now() milliseconds) an announced commit wakes the scheduler */
  private wakeUntil = 0;
  private readonly horizonMs: number;

  constructor(
    private readonly time: SlaTimeSource,
    env: SlaEnvironment,
  ) {
    this.horizonMs = env.SLA_TIMER_POLL_INTERVAL_MS;
  }

  /** A clock write owes a threshold at `at` (its transaction not yet committed). */
  owed(at: Date): void {
    if (at.getTime() <= this.time.now().getTime() + this.horizonMs) this.wakeUntil = Date.now() + COMMIT_WINDOW_MS;
  }

  /** Whether a commit announced now may have made a threshold due before the scheduler's next poll. */
  wakeOnCommit(): boolean {
    return Date.now() <= this.wakeUntil;
  }
}
