import type { EachBatchPayload } from 'kafkajs';

/** What a batch's payload offers for committing: the consumer's resolved, not yet committed offsets. */
export type OffsetCommitter = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>;

/**
 * Commits a consumer's handled offsets at most once per interval instead of after every batch
 * (kafkajs' autoCommit sends an OffsetCommit after each one: a broker round trip per batch, most
 * of them for a message or two under a light load). A batch that comes within the interval of
 * the last commit leaves a trailing commit due at the interval's end, so an idle consumer's
 * group offsets still catch up. What a crash leaves uncommitted is redelivered, and the inbox
 * drops it as a duplicate: exactly-once effects never rested on the commit.
 */
export class PeriodicOffsetCommits {
  private lastCommitAt = 0;
  private trailing: NodeJS.Timeout | null = null;
  private latest: OffsetCommitter | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  /** After a batch was handled: commits now if the interval has passed, else once it has. */
  async afterBatch(committer: OffsetCommitter): Promise<void> {
    this.latest = committer;
    const due = this.lastCommitAt + this.intervalMs - Date.now();
    if (due <= 0) return this.commitNow();
    // unref: a commit still due never holds a stopping process (what it held comes again as duplicates)
    this.trailing ??= setTimeout(() => {
      this.trailing = null;
      void this.commitNow();
    }, due).unref();
  }

  /** Commits whatever was handled and not yet committed (before a stop, after a failed batch). */
  async commitNow(): Promise<void> {
    this.stop();
    this.lastCommitAt = Date.now();
    const committer = this.latest;
    if (!committer) return;
    const offsets = committer.uncommittedOffsets();
    if (offsets.topics.length === 0) return;
    try {
      await committer.commitOffsetsIfNecessary(offsets);
    } catch (error) {
      // a rebalance or a stopped consumer: the offsets are committed by whoever handles next
      this.onError(error as Error);
    }
  }

  /** Cancels the trailing commit due (the consumer is gone, or a commit is being sent now). */
  stop(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
  }
}
