import { CatchUpBuffer, type FetchedPartition } from './catch-up-buffer';

/** A fetch of `count` messages (their offsets) from `first`, with the partition's end at `highWatermark`. */
function fetched(first: number, count: number, highWatermark: number, partition = 0): FetchedPartition<number> {
  const messages = Array.from({ length: count }, (_, index) => first + index);
  return {
    topic: 'support.tickets',
    partition,
    messages,
    firstOffset: String(first),
    lastOffset: String(first + count - 1),
    highWatermark: String(highWatermark),
  };
}

describe('CatchUpBuffer', () => {
  let clock = 0;
  const buffer = () => new CatchUpBuffer<number>({ maxWaitMs: 1000, maxMessages: 100, minLag: 20 }, () => clock);
  beforeEach(() => (clock = 0));

  it('hands a fetch over at once when fewer than minLag messages wait behind it', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(0, 10, 10))).toEqual({ messages: [...Array(10).keys()], firstOffset: '0', held: 0 });
    // 19 waiting: a consumer a producer batch or two behind is not held up
    expect(catchUp.take(fetched(10, 10, 39))?.messages).toHaveLength(10);
    expect(catchUp.heldMessages).toBe(0);
  });

  it('holds the fetches of a partition that is behind and hands them over together, in order, once it has caught up', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(0, 10, 60))).toBeNull();
    expect(catchUp.take(fetched(10, 10, 60))).toBeNull();
    expect(catchUp.heldMessages).toBe(20);
    // 20 left behind this one: still held; then 10 behind: everything goes
    expect(catchUp.take(fetched(20, 20, 60))).toBeNull();
    const taken = catchUp.take(fetched(40, 10, 60));
    expect(taken).toEqual({ messages: [...Array(50).keys()], firstOffset: '0', held: 40 });
    expect(catchUp.heldMessages).toBe(0);
  });

  it('hands over once maxMessages are reached or maxWaitMs has passed since the first held fetch', () => {
    const catchUp = buffer();
    for (let first = 0; first < 90; first += 10) expect(catchUp.take(fetched(first, 10, 1000))).toBeNull();
    expect(catchUp.take(fetched(90, 10, 1000))?.messages).toHaveLength(100);
    expect(catchUp.take(fetched(100, 10, 1000))).toBeNull();
    clock = 999;
    expect(catchUp.take(fetched(110, 10, 1000))).toBeNull();
    clock = 1000;
    expect(catchUp.take(fetched(120, 10, 1000))).toEqual({
      messages: Array.from({ length: 30 }, (_, index) => 100 + index),
      firstOffset: '100',
      held: 20,
    });
  });

  it('keeps partitions apart', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(0, 10, 100, 0))).toBeNull();
    expect(catchUp.take(fetched(500, 5, 505, 1))?.messages).toEqual([500, 501, 502, 503, 504]);
    expect(catchUp.take(fetched(10, 10, 20, 0))?.messages).toHaveLength(20);
  });

  it('replaces what it held when a fetch starts before the held messages end (the consumer went back to its committed offset)', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(0, 10, 100))).toBeNull();
    expect(catchUp.take(fetched(10, 10, 100))).toBeNull();
    // a restart fetches from the committed offset 0 again, up to the end this time
    expect(catchUp.take(fetched(0, 100, 100))).toEqual({ messages: [...Array(100).keys()], firstOffset: '0', held: 0 });
  });

  it('joins a fetch that starts past the held end (offsets skipped by control records or compaction)', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(0, 10, 100))).toBeNull();
    expect(catchUp.take(fetched(12, 80, 100))?.messages).toEqual([...Array(10).keys(), ...Array.from({ length: 80 }, (_, i) => 12 + i)]);
  });

  it('keeps commits from passing the first held offset of a partition, and only of that one', () => {
    const catchUp = buffer();
    expect(catchUp.take(fetched(40, 10, 100, 0))).toBeNull();
    const uncommitted = {
      topics: [
        {
          topic: 'support.tickets',
          partitions: [
            { partition: 0, offset: '50' },
            { partition: 1, offset: '7' },
          ],
        },
        { topic: 'support.sla', partitions: [{ partition: 0, offset: '9' }] },
      ],
    };
    expect(catchUp.limitOffsets(uncommitted)).toEqual({
      topics: [
        {
          topic: 'support.tickets',
          partitions: [
            { partition: 0, offset: '40' },
            { partition: 1, offset: '7' },
          ],
        },
        { topic: 'support.sla', partitions: [{ partition: 0, offset: '9' }] },
      ],
    });
    // an offset already at or before the held ones stays as it is
    const behind = { topics: [{ topic: 'support.tickets', partitions: [{ partition: 0, offset: '30' }] }] };
    expect(catchUp.limitOffsets(behind)).toEqual(behind);
    catchUp.clear();
    expect(catchUp.limitOffsets(uncommitted)).toEqual(uncommitted);
  });
});
