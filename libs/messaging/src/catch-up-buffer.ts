/** One partition's part of a fetch, as kafkajs hands it over (offsets as decimal strings). */
export interface FetchedPartition<M> {
  topic: string;
  partition: number;
  messages: readonly M[];
  /** offset of the first message */
  firstOffset: string;
  /** the batch's last offset (a control record after the last message counts) */
  lastOffset: string;
  /** the partition's high watermark when the fetch was answered */
  highWatermark: string;
}

/** What to handle now: the messages held for the partition, then this fetch's. */
export interface TakenBatch<M> {
  messages: M[];
  /** offset of the first message handed over */
  firstOffset: string;
  /** how many of `messages` had been held from earlier fetches */
  held: number;
}

export interface CatchUpOptions {
  /** a partition's messages are held at most this long (from the first fetch held) */
  maxWaitMs: number;
  /** held messages plus the next fetch's reaching this many are handed over at once */
  maxMessages: number;
  /**
   * a fetch is held only when at least this many messages wait on the partition beyond it: a
   * consumer that keeps up (a producer batch or two behind) handles each fetch at once
   */
  minLag: number;
}

interface Held<M> {
  messages: M[];
  firstOffset: string;
  /** the offset the next fetch of the partition starts at */
  nextOffset: bigint;
  since: number;
}

/** Kafka's committed-offset shape: for each topic, the next offset to consume per partition. */
export interface OffsetsByTopic {
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
}

/**
 * Joins a lagging partition's fetches into one batch. When a fetch's answer says that at least
 * `minLag` more messages wait on the partition (its high watermark is that far past the fetch's
 * last offset), the messages are held and the next fetch, which starts right after them, is
 * awaited; a fetch with fewer waiting behind it, `maxMessages` in all, or `maxWaitMs` after the
 * first held fetch hands everything over, in offset order.
 *
 * A consumer that falls behind then takes its backlog in a few large transactions instead of one
 * per fetch. A Kafka broker usually hands a lagging consumer its backlog in one fetch anyway (up to
 * the consumer's byte limits), so then nothing is held; a broker that answers with one record
 * batch per partition (librdkafka's mock cluster) or fetch limits smaller than the backlog would
 * otherwise cost a transaction per producer batch, and a consumer slower per transaction than its
 * producers per batch would never catch up.
 *
 * Held messages are not handled yet: commits must stop at the first held offset (`limitOffsets`),
 * and after a rebalance or a restart the buffer is cleared, so they are fetched again from the
 * committed offset. A fetch that starts before the held ones' end (the consumer went back to its
 * committed offset) replaces them.
 */
export class CatchUpBuffer<M> {
  private readonly held = new Map<string, Held<M>>();

  constructor(
    private readonly options: CatchUpOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The messages to handle now, or null when this fetch's are held for the next one. */
  take(fetched: FetchedPartition<M>): TakenBatch<M> | null {
    const key = partitionKey(fetched.topic, fetched.partition);
    let earlier = this.held.get(key);
    this.held.delete(key);
    // the consumer fetched from before the held messages' end: they come again in this fetch or later ones
    if (earlier && BigInt(fetched.firstOffset) < earlier.nextOffset) earlier = undefined;
    const messages = earlier ? [...earlier.messages, ...fetched.messages] : [...fetched.messages];
    const firstOffset = earlier?.firstOffset ?? fetched.firstOffset;
    const since = earlier?.since ?? this.now();
    const waiting = BigInt(fetched.highWatermark) - 1n - BigInt(fetched.lastOffset);
    if (
      waiting >= BigInt(Math.max(1, this.options.minLag)) &&
      messages.length < this.options.maxMessages &&
      this.now() - since < this.options.maxWaitMs
    ) {
      this.held.set(key, { messages, firstOffset, nextOffset: BigInt(fetched.lastOffset) + 1n, since });
      return null;
    }
    return { messages, firstOffset, held: earlier?.messages.length ?? 0 };
  }

  /** The offsets to commit: a partition with held messages no further than the first of them. */
  limitOffsets(offsets: OffsetsByTopic): OffsetsByTopic {
    if (this.held.size === 0) return offsets;
    return {
      topics: offsets.topics.map(({ topic, partitions }) => ({
        topic,
        partitions: partitions.map(({ partition, offset }) => {
          const held = this.held.get(partitionKey(topic, partition));
          return held && BigInt(held.firstOffset) < BigInt(offset) ? { partition, offset: held.firstOffset } : { partition, offset };
        }),
      })),
    };
  }

  /** Forgets every held message (after a rebalance, a restart or a stop): they are fetched again. */
  clear(): void {
    this.held.clear();
  }

  /** messages held now, over all partitions */
  get heldMessages(): number {
    let count = 0;
    for (const held of this.held.values()) count += held.messages.length;
    return count;
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
