/** Kafka's committed-offset shape: for each topic, the next offset to consume per partition. */
export interface OffsetsByTopic {
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
}

/** What lanes need of a message: its offset in its partition (a decimal string, as kafkajs has it). */
export interface OffsetMessage {
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

/** What the handler of a lane's batch gets besides the messages. */
export interface LaneControls {
  /** everything up to and including this offset is handled: commits may pass it */
  resolveOffset(offset: string): void;
  /** false once the consumer is stopping or a rebalance may have given the partition to another member */
  isRunning(): boolean;
  /** the partition's high watermark at its latest fetch */
  highWatermark?: string;
}

export interface PartitionLanesOptions<M extends OffsetMessage> {
  /** most messages handed to one call of `handle`; a lane holding twice this makes `add` wait */
  maxMessages: number;
  /** most calls of `handle` at once (transactions, so database connections); the other lanes queue on */
  concurrency: number;
  /** handles a batch of one partition, in offset order; throws to have it fetched again from its first message not handled */
  handle(topic: string, partition: number, messages: M[], controls: LaneControls): Promise<void>;
  /** after each handled batch (offset commits) */
  afterHandled(count: number): Promise<void>;
  /**
   * after a failed batch: the lane handles nothing more in this generation, so the consumer must
   * fetch again from the committed offsets (a restart, then `newGeneration`)
   */
  afterFailure(error: Error, topic: string, partition: number): Promise<void>;
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
  working: Promise<void> | null;
  /** set after a failure, for the rest of the generation: what arrives is not queued */
  failed: boolean;
  /** resolves when the worker takes the queue (for `add` waiting on a full lane) */
  taken: Array<() => void>;
}

/**
 * One worker per partition, so that fetching goes on while a partition's transaction runs: each
 * fetch's messages join their partition's queue, and the worker hands everything queued (up to
 * `maxMessages`) to one `handle` call once the previous one is done. A consumer that falls behind
 * takes its backlog in large batches, whatever the broker returns per fetch, and a fetch never
 * waits for another partition's transaction (kafkajs fetches again only when every batch of the
 * last fetch is done).
 *
 * Offsets: kafkajs moves its fetch position past every message queued; commits must not
 * (`limitOffsets` keeps each partition's commit at its first message not handled). A failed
 * batch stops its lane for the generation: what arrives for it is dropped, and `afterFailure`
 * has the consumer fetch again from the committed offsets, so the failed message comes again.
 * A new group generation (`newGeneration`) drops every queue: the partitions are fetched again
 * from the committed offsets, by this member or their new one; a batch in its transaction
 * finishes (`isRunning` turns false, so it retries no more), and the inbox drops whatever is
 * handled twice.
 */
export class PartitionLanes<M extends OffsetMessage> {
  private lanes = new Map<string, Lane<M>>();
  private generation = 0;
  private stopping = false;
  /** calls of `handle` under way, and lanes waiting for one to end (first come, first served) */
  private active = 0;
  private readonly slotWaiters: Array<() => void> = [];

  constructor(private readonly options: PartitionLanesOptions<M>) {}

  /**
   * Queues a fetch's messages on their partition's lane and starts its worker; resolves at once
   * unless the lane already holds twice `maxMessages` (then when the worker takes them).
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
    lane.working ??= this.work(lane);
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
  }

  /**
   * Stops handing batches over and waits for the calls under way (the caller bounds the wait).
   * What is queued stays unhandled: it keeps the commits at its first message.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const lane of this.lanes.values()) this.release(lane);
    await Promise.all([...this.lanes.values()].map((lane) => lane.working));
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
        working: null,
        failed: false,
        taken: [],
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private async work(lane: Lane<M>): Promise<void> {
    try {
      while (this.ready(lane)) {
        await this.acquireSlot();
        try {
          // what waited for a slot may have been dropped meanwhile (a failure, a rebalance, a stop)
          if (this.ready(lane)) await this.handleNext(lane);
        } finally {
          this.releaseSlot();
        }
      }
    } finally {
      lane.working = null;
      this.release(lane);
    }
  }

  private ready(lane: Lane<M>): boolean {
    return lane.queue.length > 0 && !lane.failed && this.current(lane);
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < Math.max(1, this.options.concurrency)) {
      this.active += 1;
      return;
    }
    // the call that ends hands its slot over (active stays the same)
    await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.active -= 1;
  }

  /** Hands the lane's queue (up to maxMessages) to one call of `handle`. */
  private async handleNext(lane: Lane<M>): Promise<void> {
    const messages = lane.queue.splice(0, this.options.maxMessages);
    this.release(lane);
    const last = BigInt(messages[messages.length - 1].offset);
    const controls: LaneControls = {
      resolveOffset: (offset) => this.handledThrough(lane, BigInt(offset), last),
      isRunning: () => this.current(lane),
      highWatermark: lane.highWatermark,
    };
    try {
      await this.options.handle(lane.topic, lane.partition, messages, controls);
      this.handledThrough(lane, last, last);
      await this.options.afterHandled(messages.length);
    } catch (error) {
      // the first message not handled stays where the handler left it: commits stop there
      lane.failed = true;
      lane.queue = [];
      // an add waiting for room must not hold the fetch loop (and a disconnect) behind a dead lane
      this.release(lane);
      // a batch of an earlier generation, or one under way at a stop, may fail because it stopped
      // retrying (isRunning): its messages are fetched again anyway, nothing to restart for
      if (!this.current(lane)) return;
      await this.options.afterFailure(error as Error, lane.topic, lane.partition).catch(() => undefined);
    }
  }

  /**
   * Marks the batch in its transaction handled up to `offset` (its last is `last`): the first
   * message not handled is then the next of the batch, or the head of the queue, or the first
   * one dropped at a stop, or none.
   */
  private handledThrough(lane: Lane<M>, offset: bigint, last: bigint): void {
    if (lane.firstUnhandled === null || offset < lane.firstUnhandled) return;
    // offset + 1 is never past the batch's next message (offsets may skip, never go back)
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
