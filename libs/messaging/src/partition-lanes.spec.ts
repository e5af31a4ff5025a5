import { PartitionLanes, type FetchedMessages, type LaneControls, type PartitionLanesOptions } from './partition-lanes';

interface Message {
  partition: number;
  offset: string;
}

const TOPIC = 'support.tickets';
/** `count` messages of partition 0 from offset `first` (messagesOf for another partition) */
const messages = (first: number, count: number): Message[] => messagesOf(0, first, count);
const messagesOf = (partition: number, first: number, count: number): Message[] =>
  Array.from({ length: count }, (_, index) => ({ partition, offset: String(first + index) }));
const offsetsOf = (batch: Message[]) => batch.map((message) => Number(message.offset));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Call {
  topic: string;
  /** the first message's partition (the only one, unless the call took several) */
  partition: number;
  offsets: number[];
  /** [partition, offsets] for each partition of the call, in the order of its messages */
  parts: Array<[number, number[]]>;
  controls: LaneControls<Message>;
  end: (error?: Error) => void;
}

/** A handle() whose calls wait until the test lets them end (release) or fail (fail). */
function gatedHandler() {
  const calls: Call[] = [];
  const handle: PartitionLanesOptions<Message>['handle'] = (topic, batch, controls) =>
    new Promise<void>((resolve, reject) => {
      const parts: Array<[number, number[]]> = [];
      for (const message of batch) {
        const last = parts[parts.length - 1];
        if (last && last[0] === message.partition) last[1].push(Number(message.offset));
        else parts.push([message.partition, [Number(message.offset)]]);
      }
      calls.push({
        topic,
        partition: batch[0].partition,
        offsets: offsetsOf(batch),
        parts,
        controls,
        end: (error) => (error ? reject(error) : resolve()),
      });
    });
  return { calls, handle };
}

function lanesWith(handle: PartitionLanesOptions<Message>['handle'], overrides: Partial<PartitionLanesOptions<Message>> = {}) {
  const handled: number[] = [];
  const failures: string[] = [];
  const lanes = new PartitionLanes<Message>({
    maxMessages: 100,
    concurrency: 10,
    handle,
    afterHandled: async (count) => void handled.push(count),
    afterFailure: async (error) => void failures.push(error.message),
    ...overrides,
  });
  return { lanes, handled, failures };
}

const uncommitted = (offsets: Record<number, number>) => ({
  topics: [
    {
      topic: TOPIC,
      partitions: Object.entries(offsets).map(([partition, offset]) => ({ partition: Number(partition), offset: String(offset) })),
    },
  ],
});

describe('PartitionLanes', () => {
  it("hands a partition's first fetch over at once and everything that arrives during that call to the next, in order", async () => {
    const { calls, handle } = gatedHandler();
    const { lanes, handled } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(20, 5), highWatermark: '40' });
    expect(calls.map((call) => call.offsets)).toEqual([offsetsOf(messages(0, 10))]);
    calls[0].end();
    await tick();
    expect(calls[1].offsets).toEqual(offsetsOf(messages(10, 15)));
    // the partition's high watermark at its latest fetch, for the lag gauge
    expect(calls[1].controls.highWatermarks.get(0)).toBe('40');
    calls[1].end();
    await tick();
    expect(calls).toHaveLength(2);
    expect(handled).toEqual([10, 15]);
  });

  it("does not hold one partition behind another's call", async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 3) });
    await lanes.add({ topic: TOPIC, partition: 1, messages: messagesOf(1, 500, 2) });
    expect(calls.map((call) => [call.partition, call.offsets])).toEqual([
      [0, [0, 1, 2]],
      [1, [500, 501]],
    ]);
  });

  it('runs at most `concurrency` calls at once; a lane waiting for a slot takes everything that arrived meanwhile', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle, { concurrency: 2 });
    for (const partition of [0, 1, 2]) await lanes.add({ topic: TOPIC, partition, messages: messagesOf(partition, 0, 5) });
    await lanes.add({ topic: TOPIC, partition: 2, messages: messagesOf(2, 5, 5) });
    await tick();
    expect(calls.map((call) => call.partition)).toEqual([0, 1]);
    calls[1].end();
    await tick();
    expect(calls.map((call) => [call.partition, call.offsets.length])).toEqual([
      [0, 5],
      [1, 5],
      [2, 10],
    ]);
  });

  it('hands at most maxMessages to a call, and makes add wait while a lane holds twice that', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle, { maxMessages: 10 });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 5) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(5, 15) });
    let added = false;
    const full = lanes.add({ topic: TOPIC, partition: 0, messages: messages(20, 10) }).then(() => (added = true));
    await tick();
    // 25 queued (5 in the call): add waits until the worker takes some
    expect(added).toBe(false);
    calls[0].end();
    await full;
    expect(calls[1].offsets).toEqual(offsetsOf(messages(5, 10)));
    expect(lanes.queuedMessages).toBe(15);
  });

  it("keeps each partition's commits at its first message not handled, and lets them through once all are", async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(40, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(50, 10) });
    // kafkajs resolved (fetched past) 60; partition 1 has no lane
    expect(lanes.limitOffsets(uncommitted({ 0: 60, 1: 7 }))).toEqual(uncommitted({ 0: 40, 1: 7 }));
    // the handler resolves part of its batch: commits may go that far
    calls[0].controls.resolve({ partition: 0, offset: '44' });
    expect(lanes.limitOffsets(uncommitted({ 0: 60 }))).toEqual(uncommitted({ 0: 45 }));
    calls[0].end();
    await tick();
    expect(lanes.limitOffsets(uncommitted({ 0: 60 }))).toEqual(uncommitted({ 0: 50 }));
    calls[1].end();
    await tick();
    expect(lanes.limitOffsets(uncommitted({ 0: 60 }))).toEqual(uncommitted({ 0: 60 }));
  });

  it('after a failure drops what arrives for the lane and keeps its commits at the first message not handled until a new generation', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes, failures } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 10) });
    await lanes.add({ topic: TOPIC, partition: 1, messages: messagesOf(1, 0, 5) });
    calls[0].controls.resolve({ partition: 0, offset: '3' });
    calls[0].end(new Error('handler failed'));
    await tick();
    expect(failures).toEqual(['handler failed']);
    // queued and newly fetched messages are dropped, and kept out of the commits
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(20, 10) });
    expect(calls.filter((call) => call.partition === 0)).toHaveLength(1);
    expect(lanes.limitOffsets(uncommitted({ 0: 30 }))).toEqual(uncommitted({ 0: 4 }));
    // the other partition goes on
    calls[1].end();
    await tick();
    expect(lanes.limitOffsets(uncommitted({ 0: 30, 1: 5 }))).toEqual(uncommitted({ 0: 4, 1: 5 }));
    // the consumer restarted and joined again: fetched from the committed offset 4
    lanes.newGeneration();
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(4, 26) });
    expect(calls[2].offsets).toEqual(offsetsOf(messages(4, 26)));
    calls[2].end();
    await tick();
    expect(lanes.limitOffsets(uncommitted({ 0: 30 }))).toEqual(uncommitted({ 0: 30 }));
  });

  it('drops every queue on a new generation; the batch in its call sees isRunning() turn false', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 10) });
    expect(calls[0].controls.isRunning()).toBe(true);
    lanes.newGeneration();
    expect(calls[0].controls.isRunning()).toBe(false);
    expect(lanes.queuedMessages).toBe(0);
    // the new generation fetches from the committed offset again
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 20) });
    expect(calls[1].offsets).toEqual(offsetsOf(messages(0, 20)));
    calls[0].end();
    await tick();
    // the old batch's end moves nothing of the new generation's
    expect(lanes.limitOffsets(uncommitted({ 0: 20 }))).toEqual(uncommitted({ 0: 0 }));
  });

  it('does not report the failure of a batch of an earlier generation (it stopped retrying when the generation ended)', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes, failures } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    lanes.newGeneration();
    calls[0].end(new Error('gave up: isRunning() turned false'));
    await tick();
    expect(failures).toEqual([]);
  });

  it('stop waits for the calls under way, drops what is queued and keeps it out of the commits', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 10) });
    let stopped = false;
    const stopping = lanes.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    expect(calls[0].controls.isRunning()).toBe(false);
    calls[0].end();
    await stopping;
    expect(calls).toHaveLength(1);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(20, 10) });
    expect(calls).toHaveLength(1);
    expect(lanes.limitOffsets(uncommitted({ 0: 30 }))).toEqual(uncommitted({ 0: 10 }));
  });

  it('keeps out of the commits what arrived during a stop, also once the batch under way ends with nothing queued', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    const stopping = lanes.stop();
    // fetched while the batch is in its transaction: not queued, never handled
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 5) });
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(15, 5) });
    calls[0].end();
    await stopping;
    expect(calls).toHaveLength(1);
    // kafkajs resolved the fetches past 19: the commit must stay at 10, the first message dropped
    expect(lanes.limitOffsets(uncommitted({ 0: 20 }))).toEqual(uncommitted({ 0: 10 }));
  });

  it('keeps out of the commits what arrived for a lane that failed, whatever its batch resolved', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 10) });
    calls[0].controls.resolve({ partition: 0, offset: '9' });
    calls[0].end(new Error('deadlock, retries exhausted'));
    await tick();
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 5) });
    expect(lanes.limitOffsets(uncommitted({ 0: 15 }))).toEqual(uncommitted({ 0: 10 }));
  });

  describe('one call over every partition waiting', () => {
    /** the partition whose call holds the one slot while the others queue (queuedBehindOneCall) */
    const BUSY = 9;
    const fetch = (partition: number, first: number, count: number, highWatermark?: string, topic = TOPIC): FetchedMessages<Message> => ({
      topic,
      partition,
      messages: messagesOf(partition, first, count),
      highWatermark,
    });

    /** One call at a time: a call on BUSY holds the slot while `fetches` queue, then ends, so the next call takes what waited. */
    async function queuedBehindOneCall(fetches: FetchedMessages<Message>[], overrides: Partial<PartitionLanesOptions<Message>> = {}) {
      const { calls, handle } = gatedHandler();
      const running = lanesWith(handle, { concurrency: 1, ...overrides });
      await running.lanes.add(fetch(BUSY, 0, 1));
      for (const fetched of fetches) await running.lanes.add(fetched);
      expect(calls).toHaveLength(1);
      calls[0].end();
      await tick();
      return { calls, ...running };
    }

    it('hands the partitions of a topic that waited for a call to one call, partition after partition, each in offset order', async () => {
      const { calls, handle } = gatedHandler();
      const { lanes, handled } = lanesWith(handle, { concurrency: 1 });
      await lanes.add(fetch(0, 0, 3));
      // partitions 2, 1 and 0 wait for the call under way, in that order
      for (const fetched of [fetch(2, 7, 2), fetch(1, 4, 3), fetch(0, 3, 2), fetch(2, 9, 1)]) await lanes.add(fetched);
      expect(calls).toHaveLength(1);
      calls[0].end();
      await tick();
      expect(calls.map((call) => call.parts)).toEqual([
        [[0, [0, 1, 2]]],
        [
          [2, [7, 8, 9]],
          [1, [4, 5, 6]],
          [0, [3, 4]],
        ],
      ]);
      calls[1].end();
      await tick();
      expect(handled).toEqual([3, 8]);
      expect(lanes.limitOffsets(uncommitted({ 0: 5, 1: 7, 2: 10 }))).toEqual(uncommitted({ 0: 5, 1: 7, 2: 10 }));
    });

    it("does not put a partition in a second call while its first runs, whatever slots are free (each partition's order)", async () => {
      const { calls, handle } = gatedHandler();
      const { lanes } = lanesWith(handle, { concurrency: 3 });
      for (const fetched of [fetch(0, 0, 2), fetch(0, 2, 2), fetch(1, 0, 2)]) await lanes.add(fetched);
      // a free slot: partition 1 alone, partition 0's second fetch waits for its first call
      expect(calls.map((call) => call.parts)).toEqual([[[0, [0, 1]]], [[1, [0, 1]]]]);
      calls[0].end();
      await tick();
      expect(calls[2].parts).toEqual([[0, [2, 3]]]);
    });

    it('keeps topics apart (a handler is per topic) and fills a call up to maxMessages, the rest waiting for the next', async () => {
      const { calls } = await queuedBehindOneCall([fetch(0, 0, 2, undefined, 'support.sla'), fetch(0, 0, 3), fetch(1, 0, 4)], {
        maxMessages: 5,
      });
      // support.sla waited longest: its call first, alone
      expect([calls[1].topic, calls[1].parts]).toEqual(['support.sla', [[0, [0, 1]]]]);
      calls[1].end();
      await tick();
      expect([calls[2].topic, calls[2].parts]).toEqual([
        TOPIC,
        [
          [0, [0, 1, 2]],
          [1, [0, 1]],
        ],
      ]);
      calls[2].end();
      await tick();
      expect(calls[3].parts).toEqual([[1, [2, 3]]]);
    });

    it("after a failed call keeps each partition's commits where the handler left it, stops all its lanes and reports it once", async () => {
      const { calls, lanes, failures } = await queuedBehindOneCall([fetch(0, 10, 5), fetch(1, 20, 5)]);
      // partition 0 handled through 12, then partition 1's first message failed
      calls[1].controls.resolve({ partition: 0, offset: '12' });
      calls[1].end(new Error('handler failed'));
      await tick();
      expect(failures).toEqual(['handler failed']);
      expect(lanes.limitOffsets(uncommitted({ 0: 15, 1: 25, [BUSY]: 1 }))).toEqual(uncommitted({ 0: 13, 1: 20, [BUSY]: 1 }));
      // what arrives for either partition is dropped until the consumer joins again
      for (const fetched of [fetch(0, 15, 1), fetch(1, 25, 1)]) await lanes.add(fetched);
      await tick();
      expect(calls).toHaveLength(2);
      expect(lanes.limitOffsets(uncommitted({ 0: 16, 1: 26 }))).toEqual(uncommitted({ 0: 13, 1: 20 }));
    });

    it('on a new generation, tells the call over several partitions to stop retrying and moves none of the new commits when it ends', async () => {
      const { calls, lanes, failures } = await queuedBehindOneCall([fetch(0, 0, 3), fetch(1, 0, 3)]);
      expect(calls[1].parts.map(([partition]) => partition)).toEqual([0, 1]);
      lanes.newGeneration();
      expect(calls[1].controls.isRunning()).toBe(false);
      // fetched again from the committed offsets (by this member, here): a call of the new generation
      await lanes.add(fetch(1, 0, 3));
      expect(calls).toHaveLength(2);
      calls[1].end(new Error('gave up: isRunning() turned false'));
      await tick();
      expect(failures).toEqual([]);
      expect(calls[2].parts).toEqual([[1, [0, 1, 2]]]);
      expect(lanes.limitOffsets(uncommitted({ 0: 3, 1: 3 }))).toEqual(uncommitted({ 0: 3, 1: 0 }));
    });

    it("gives the call each of its partitions' high watermark", async () => {
      const { calls } = await queuedBehindOneCall([fetch(0, 0, 1, '9'), fetch(1, 0, 1, '4')]);
      expect([...calls[1].controls.highWatermarks]).toEqual([
        [0, '9'],
        [1, '4'],
      ]);
    });
  });
});
