import type { ICustomPartitioner } from 'kafkajs';
import { randomBytes } from 'node:crypto';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const ASCII = /^[\x00-\x7f]*$/;

/** The byte at `index` of an ASCII string (its UTF-8 is its char codes), and of bytes. */
const charByte = (data: string, index: number): number => data.charCodeAt(index);
const arrayByte = (data: Uint8Array, index: number): number => data[index];

function hash<Data>(data: Data, length: number, byteAt: (data: Data, index: number) => number): number {
  let h = SEED ^ length;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = byteAt(data, i) | (byteAt(data, i + 1) << 8) | (byteAt(data, i + 2) << 16) | (byteAt(data, i + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // the last one to three bytes (Java's switch falls through its cases)
  const rest = length - whole;
  if (rest === 3) h ^= byteAt(data, whole + 2) << 16;
  if (rest >= 2) h ^= byteAt(data, whole + 1) << 8;
  if (rest >= 1) {
    h ^= byteAt(data, whole);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  return h ^ (h >>> 15);
}

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`, which its default partitioner and kafkajs'
 * `DefaultPartitioner` hash keys with), as a signed 32-bit int, over a key's UTF-8 bytes. 32-bit
 * arithmetic (`Math.imul`), where kafkajs computes it with 64-bit `Long`s, a BigInt each, about
 * forty per event id: the same hash without the allocations. An ASCII string is hashed from its
 * char codes, without being encoded first.
 */
export function murmur2(key: string | Uint8Array): number {
  if (typeof key !== 'string') return hash(key, key.length, arrayByte);
  if (ASCII.test(key)) return hash(key, key.length, charByte);
  const bytes = Buffer.from(key, 'utf8');
  return hash(bytes, bytes.length, arrayByte);
}

/** A key's partition among `count`, as Kafka's Java client and kafkajs' `DefaultPartitioner` choose it. */
export function partitionForKey(key: string | Uint8Array, count: number): number {
  return (murmur2(key) & 0x7fffffff) % count;
}

/**
 * The producers' partitioner: kafkajs' `DefaultPartitioner`, message for message (an explicit
 * partition wins; a key picks its partition by murmur2, so a ticket's events stay in one partition
 * and in order, and land where a Java producer would put them; keyless messages go round robin
 * over the partitions that have a leader, from a random start per topic), with `murmur2` above and
 * without listing the available partitions for every keyed message.
 */
export const KeyPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }) => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (message.key !== null && message.key !== undefined) return partitionForKey(message.key, partitionMetadata.length);
    const next = ((counters.get(topic) ?? randomBytes(4).readUInt32BE(0)) + 1) & 0x7fffffff;
    counters.set(topic, next);
    const available = partitionMetadata.filter((partition) => partition.leader >= 0);
    return available.length > 0 ? available[next % available.length].partitionId : next % partitionMetadata.length;
  };
};
