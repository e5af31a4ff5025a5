/** Kafka's committed-offset shape: for each topic, the next offset to consume per partition. */
export interface OffsetsByTopic {
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
}

/** What lanes need of a message: its partition and its offset there (a decimal string, as kafkajs has it). */
export interface OffsetMessage {
  partition: number;
  offset: string;
}

/** One partition's part of a fetch. */
export interface FetchedMessages<M extends OffsetMessage> {
  topic: string;
  partition: number;
  messages: readonly M[];
  /** the partition's high watermark when the fetch was answered (the consumer-lag gauge) */
  highWatermark?: string;
}

/** What the handler of a batch gets besides the messages. */
export interface LaneControls<M extends OffsetMessage> {
  /** everything of the message's partition up to and including it is handled: commits may pass it */
  resolve(message: M): void;
  /** false once the consumer is stopping or a rebalance may have given the partitions to another member */
  isRunning(): boolean;
  /** each of the batch's partitions' high watermark at its latest fetch, where the fetch had one */
  highWatermarks: ReadonlyMap<number, string>;
}

export interface PartitionLanesOptions<M extends OffsetMessage> {
  /** most messages handed to one call of `handle`; a lane holding twice this makes `add` wait */
  maxMessages: number;
  /** most calls of `handle` at once (transactions, so database connections); the other lanes wait */
  concurrency: number;
  /**
   * handles a batch of one topic: the messages of each partition waiting when a call could start,
   * partition after partition, each partition's in offset order; throws to have the partitions
   * fetched again from their first messages not handled
   */
  handle(topic: string, messages: M[], controls: LaneControls<M>): Promise<void>;
  /** after each handled batch (offset commits) */
  afterHandled(count: number): Promise<void>;
  /**
   * after a failed batch: its partitions' lanes handle nothing more in this generation, so the
   * consumer must fetch again from the committed offsets (a restart, then `newGeneration`)
   */
  afterFailure(error: Error, topic: string): Promise<void>;
}

interface Lane<M> {
  topic: string;
  partition: number;
  generation: number;
  queue: M[];
  /** the partition's high watermark at its latest fetch */
  highWatermark?: string;
  /** the offset of the first message fetched and not handled yet; null: everything fetched is handled */
  firstUnhandled: bigint | null;
  /** the first message fetched while stopping or after a failure: never queued, so never handled */
  firstDropped: bigint | null;
  /** its messages are in a call of `handle`: it waits for that call's end before it joins another */
  inCall: boolean;
  /** it is in the queue of lanes waiting for a call */
  waiting: boolean;
  /** set after a failure, for the rest of the generation: what arrives is not queued */
  failed: boolean;
  /** resolves when a call takes the queue (for `add` waiting on a full lane) */
  taken: Array<() => void>;
}

/** A lane's part of one call: its messages and the offset of the last one. */
interface Part<M> {
  lane: Lane<M>;
  messages: M[];
  last: bigint;
}

/**
 * Fetching goes on while transactions run: each fetch's messages join their partition's queue
 * (its lane), and a call of `handle` takes everything queued (up to `maxMessages`) once one can
 * start. A call takes every lane of its topic then waiting, not one partition's: with one call at a
 * time (`concurrency` 1), a partition waits for at most the call under way, not for one call per
 * other partition, and a consumer that falls behind takes its backlog in a few large transactions
 * whatever the broker returns per fetch. A partition is in one call at a time, so its messages are
 * handled in order; and no fetch waits for a transaction (kafkajs fetches again only when every
 * batch of the last fetch is done).
 *
 * Offsets: kafkajs moves its fetch position past every message queued; commits must not
 * (`limitOffsets` keeps each partition's commit at its first message not handled). A failed
 * batch stops its partitions' lanes for the generation: what arrives for them is dropped, and
 * `afterFailure` has the consumer fetch again from the committed offsets, so the failed message
 * comes again. A new group generation (`newGeneration`) drops every queue: the partitions are
 * fetched again from the committed offsets, by this member or their new one; a batch in its
 * transaction finishes (`isRunning` turns false, so it retries no more), and the inbox drops
 * whatever is handled twice.
 */
export class PartitionLanes<M extends OffsetMessage> {
  private lanes = new Map<string, Lane<M>>();
  private generation = 0;
  private stopping = false;
  /** lanes with messages queued and no call, in the order they started waiting */
  private waiting: Lane<M>[] = [];
  /** calls of `handle` under way */
  private readonly calls = new Set<Promise<void>>();

  constructor(private readonly options: PartitionLanesOptions<M>) {}

  /**
   * Queues a fetch's messages on their partition's lane and starts a call if one may start;
   * resolves at once unless the lane already holds twice `maxMessages` (then when a call takes them).
   */
  async add(fetched: FetchedMessages<M>): Promise<void> {
    if (fetched.messages.length === 0) return;
    const lane = this.laneOf(fetched.topic, fetched.partition);
    const first = BigInt(fetched.messages[0].offset);
    lane.firstUnhandled ??= first;
    lane.highWatermark = fetched.highWatermark ?? lane.highWatermark;
    // stopping, or failed (the consumer fetches again from the committed offsets): not queued,
    // and kept out of the commits
    if (this.stopping || lane.failed) {
      // the batch under way may end after this with nothing queued: it must not move the commits past these
      lane.firstDropped ??= first;
      return;
    }
    lane.queue.push(...fetched.messages);
    this.wait(lane);
    this.startCalls();
    if (lane.queue.length >= 2 * this.options.maxMessages) await new Promise<void>((resolve) => lane.taken.push(resolve));
  }

  /** The offsets to commit: none past a partition's first message not handled yet. */
  limitOffsets(offsets: OffsetsByTopic): OffsetsByTopic {
    return {
      topics: offsets.topics.map(({ topic, partitions }) => ({
        topic,
        partitions: partitions.map(({ partition, offset }) => {
          const first = this.lanes.get(laneKey(topic, partition))?.firstUnhandled;
          return first !== null && first !== undefined && first < BigInt(offset)
            ? { partition, offset: first.toString() }
            : { partition, offset };
        }),
      })),
    };
  }

  /** A rebalance: every partition is fetched again from its committed offset. */
  newGeneration(): void {
    this.generation += 1;
    for (const lane of this.lanes.values()) {
      lane.queue = [];
      this.release(lane);
    }
    this.lanes = new Map();
    this.waiting = [];
  }

  /**
   * Starts no more calls and waits for those under way (the caller bounds the wait). What is
   * queued stays unhandled: it keeps the commits at its first message.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const lane of this.lanes.values()) this.release(lane);
    await Promise.all([...this.calls]);
  }

  /** messages queued and not yet handed to `handle`, over all lanes */
  get queuedMessages(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.queue.length;
    return count;
  }

  private laneOf(topic: string, partition: number): Lane<M> {
    const key = laneKey(topic, partition);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        topic,
        partition,
        generation: this.generation,
        queue: [],
        firstUnhandled: null,
        firstDropped: null,
        inCall: false,
        waiting: false,
        failed: false,
        taken: [],
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Puts the lane in the queue for a call if it has messages to hand over and none in a call. */
  private wait(lane: Lane<M>): void {
    if (lane.waiting || lane.inCall || lane.failed || lane.queue.length === 0 || !this.current(lane)) return;
    lane.waiting = true;
    this.waiting.push(lane);
  }

  /** Starts calls while fewer than `concurrency` run and lanes wait. */
  private startCalls(): void {
    while (this.calls.size < Math.max(1, this.options.concurrency) && !this.stopping) {
      const parts = this.takeWaiting();
      if (parts.length === 0) return;
      const call = this.call(parts);
      this.calls.add(call);
      void call.finally(() => {
        this.calls.delete(call);
        this.startCalls();
      });
    }
  }

  /**
   * The next call's parts: the lane that has waited longest and every other waiting lane of its
   * topic (handlers are per topic), in the order they started waiting, up to `maxMessages` in all.
   */
  private takeWaiting(): Part<M>[] {
    const head = this.waiting[0];
    if (!head) return [];
    const parts: Part<M>[] = [];
    const others: Lane<M>[] = [];
    let room = this.options.maxMessages;
    for (const lane of this.waiting) {
      if (lane.topic !== head.topic || room === 0) {
        others.push(lane);
        continue;
      }
      const messages = lane.queue.splice(0, room);
      room -= messages.length;
      lane.waiting = false;
      lane.inCall = true;
      this.release(lane);
      parts.push({ lane, messages, last: BigInt(messages[messages.length - 1].offset) });
    }
    this.waiting = others;
    return parts;
  }

  /** One call of `handle` over the parts; never rejects. */
  private async call(parts: Part<M>[]): Promise<void> {
    const head = parts[0].lane;
    const topic = head.topic;
    const byPartition = new Map<number, Part<M>>();
    const highWatermarks = new Map<number, string>();
    const messages: M[] = parts.length === 1 ? parts[0].messages : [];
    for (const part of parts) {
      byPartition.set(part.lane.partition, part);
      if (part.lane.highWatermark !== undefined) highWatermarks.set(part.lane.partition, part.lane.highWatermark);
      if (parts.length > 1) for (const message of part.messages) messages.push(message);
    }
    const controls: LaneControls<M> = {
      resolve: (message) => {
        const part = byPartition.get(message.partition);
        if (part) this.handledThrough(part.lane, BigInt(message.offset), part.last);
      },
      // the parts' lanes are of one generation: the head's stands for all
      isRunning: () => this.current(head),
      highWatermarks,
    };
    try {
      await this.options.handle(topic, messages, controls);
      for (const part of parts) this.handledThrough(part.lane, part.last, part.last);
      await this.options.afterHandled(messages.length);
    } catch (error) {
      // each partition's first message not handled stays where the handler left it: commits stop there
      for (const { lane } of parts) {
        lane.failed = true;
        lane.queue = [];
        // an add waiting for room must not hold the fetch loop (and a disconnect) behind a dead lane
        this.release(lane);
      }
      // a batch of an earlier generation, or one under way at a stop, may fail because it stopped
      // retrying (isRunning): its messages are fetched again anyway, nothing to restart for
      if (controls.isRunning()) await this.options.afterFailure(error as Error, topic).catch(() => undefined);
    } finally {
      for (const { lane } of parts) {
        lane.inCall = false;
        // what arrived during the call waits for the next one
        this.wait(lane);
      }
    }
  }

  /**
   * Marks the lane's part of a call handled up to `offset` (the part's last is `last`): the first
   * message not handled is then the next of the part, or the head of the queue, or the first one
   * dropped at a stop, or none.
   */
  private handledThrough(lane: Lane<M>, offset: bigint, last: bigint): void {
    if (lane.firstUnhandled === null || offset < lane.firstUnhandled) return;
    // offset + 1 is never past the part's next message (offsets may skip, never go back)
    if (offset < last) lane.firstUnhandled = offset + 1n;
    else lane.firstUnhandled = lane.queue.length > 0 ? BigInt(lane.queue[0].offset) : lane.firstDropped;
  }

  private current(lane: Lane<M>): boolean {
    return !this.stopping && lane.generation === this.generation;
  }

  private release(lane: Lane<M>): void {
    for (const resolve of lane.taken.splice(0)) resolve();
  }
}

function laneKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
