import { PeriodicOffsetCommits, type OffsetCommitter } from './periodic-offset-commits';

/** A consumer's offsets as kafkajs keeps them: resolved by the batches, committed by the commits. */
function fakeConsumer() {
  const resolved = new Map<number, string>();
  const committed = new Map<number, string>();
  const commits: string[][] = [];
  const committer: OffsetCommitter = {
    uncommittedOffsets: () => {
      const partitions = [...resolved].filter(([p, o]) => committed.get(p) !== o).map(([partition, offset]) => ({ partition, offset }));
      return { topics: partitions.length ? [{ topic: 'support.tickets', partitions }] : [] };
    },
    commitOffsetsIfNecessary: async (offsets) => {
      const partitions = offsets?.topics.flatMap((t) => t.partitions) ?? [];
      commits.push(partitions.map((p) => `${p.partition}@${p.offset}`));
      for (const p of partitions) committed.set(p.partition, p.offset);
    },
  };
  return { resolved, committed, commits, committer };
}

describe('PeriodicOffsetCommits', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('commits the first batch at once, later ones at most once per interval, and the last one when the interval ends', async () => {
    const consumer = fakeConsumer();
    const commits = new PeriodicOffsetCommits(1000, (error) => {
      throw error;
    });
    consumer.resolved.set(0, '10');
    await commits.afterBatch(consumer.committer);
    expect(consumer.commits).toEqual([['0@10']]);

    // three more batches within the second: no round trip for any of them yet
    for (const [partition, offset] of [
      [0, '11'],
      [1, '5'],
      [0, '12'],
    ] as const) {
      await jest.advanceTimersByTimeAsync(100);
      consumer.resolved.set(partition, offset);
      await commits.afterBatch(consumer.committer);
    }
    expect(consumer.commits).toHaveLength(1);

    // the trailing commit, due when the interval since the last commit ends, takes all of them
    await jest.advanceTimersByTimeAsync(699);
    expect(consumer.commits).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(consumer.commits).toEqual([['0@10'], ['0@12', '1@5']]);
    expect(consumer.committed).toEqual(
      new Map([
        [0, '12'],
        [1, '5'],
      ]),
    );
    // nothing left: no further commit
    await jest.advanceTimersByTimeAsync(5000);
    expect(consumer.commits).toHaveLength(2);
  });

  it('commitNow takes what is pending at once (before a stop, after a failed batch) and cancels the trailing commit', async () => {
    const consumer = fakeConsumer();
    const commits = new PeriodicOffsetCommits(1000, () => undefined);
    consumer.resolved.set(0, '1');
    await commits.afterBatch(consumer.committer);
    consumer.resolved.set(0, '2');
    await commits.afterBatch(consumer.committer);
    await commits.commitNow();
    expect(consumer.commits).toEqual([['0@1'], ['0@2']]);
    await jest.advanceTimersByTimeAsync(2000);
    expect(consumer.commits).toHaveLength(2);
  });

  it('a failed commit is reported, not thrown: the batch it followed was handled, and what it held comes again as duplicates', async () => {
    const errors: string[] = [];
    const commits = new PeriodicOffsetCommits(1000, (error) => errors.push(error.message));
    const committer: OffsetCommitter = {
      uncommittedOffsets: () => ({ topics: [{ topic: 'support.tickets', partitions: [{ partition: 0, offset: '3' }] }] }),
      commitOffsetsIfNecessary: async () => {
        throw new Error('The group is rebalancing');
      },
    };
    await expect(commits.afterBatch(committer)).resolves.toBeUndefined();
    expect(errors).toEqual(['The group is rebalancing']);
  });
});
