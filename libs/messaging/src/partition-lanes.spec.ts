import { PartitionLanes, type LaneControls, type PartitionLanesOptions } from './partition-lanes';

interface Message {
  offset: string;
}

const TOPIC = 'support.tickets';
const messages = (first: number, count: number): Message[] =>
  Array.from({ length: count }, (_, index) => ({ offset: String(first + index) }));
const offsetsOf = (batch: Message[]) => batch.map((message) => Number(message.offset));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A handle() whose calls wait until the test lets them end (release) or fail (fail). */
function gatedHandler() {
  const calls: Array<{ partition: number; offsets: number[]; controls: LaneControls; end: (error?: Error) => void }> = [];
  const handle: PartitionLanesOptions<Message>['handle'] = (_topic, partition, batch, controls) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ partition, offsets: offsetsOf(batch), controls, end: (error) => (error ? reject(error) : resolve()) });
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
    expect(calls[1].controls.highWatermark).toBe('40');
    calls[1].end();
    await tick();
    expect(calls).toHaveLength(2);
    expect(handled).toEqual([10, 15]);
  });

  it("does not hold one partition behind another's call", async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle);
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(0, 3) });
    await lanes.add({ topic: TOPIC, partition: 1, messages: messages(500, 2) });
    expect(calls.map((call) => [call.partition, call.offsets])).toEqual([
      [0, [0, 1, 2]],
      [1, [500, 501]],
    ]);
  });

  it('runs at most `concurrency` calls at once; a lane waiting for a slot takes everything that arrived meanwhile', async () => {
    const { calls, handle } = gatedHandler();
    const { lanes } = lanesWith(handle, { concurrency: 2 });
    for (const partition of [0, 1, 2]) await lanes.add({ topic: TOPIC, partition, messages: messages(0, 5) });
    await lanes.add({ topic: TOPIC, partition: 2, messages: messages(5, 5) });
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
    calls[0].controls.resolveOffset('44');
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
    await lanes.add({ topic: TOPIC, partition: 1, messages: messages(0, 5) });
    calls[0].controls.resolveOffset('3');
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
    calls[0].controls.resolveOffset('9');
    calls[0].end(new Error('deadlock, retries exhausted'));
    await tick();
    await lanes.add({ topic: TOPIC, partition: 0, messages: messages(10, 5) });
    expect(lanes.limitOffsets(uncommitted({ 0: 15 }))).toEqual(uncommitted({ 0: 10 }));
  });
});
