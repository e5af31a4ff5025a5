import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import { KeyPartitioner, murmur2, partitionForKey } from './key-partitioner';

// kafkajs' own implementation, which its DefaultPartitioner uses: the reference here
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: string | Buffer) => number;

const partitions = (count: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));

describe('murmur2', () => {
  it("gives the Java client's hashes (Kafka's UtilsTest vectors)", () => {
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, expected] of vectors) {
      expect(murmur2(key)).toBe(expected);
      expect(murmur2(Buffer.from(key))).toBe(expected);
    }
  });

  it("equals kafkajs' hash for event ids, every length 0-40, Unicode text and random bytes", () => {
    const keys: Array<string | Buffer> = [''];
    for (let index = 0; index < 500; index += 1) keys.push(v7(), randomUUID());
    for (let length = 1; length <= 40; length += 1)
      keys.push('k'.repeat(length), randomBytes(length), randomBytes(length).toString('latin1'));
    keys.push('élève', 'заявка-42', '工单', '🎫 ticket', '\u0000\u007f\u0080');
    for (const key of keys) expect(murmur2(key)).toBe(kafkajsMurmur2(key));
  });
});

describe('KeyPartitioner', () => {
  const partitioner = KeyPartitioner();

  it("puts a keyed message where kafkajs' DefaultPartitioner puts it, leaders or not", () => {
    const reference = Partitioners.DefaultPartitioner();
    for (const count of [1, 3, 4, 6, 12]) {
      const partitionMetadata = partitions(count, count > 3 ? [1] : []);
      for (let index = 0; index < 200; index += 1) {
        const key = index % 2 ? v7() : Buffer.from(randomUUID());
        const args = { topic: 'support.tickets', partitionMetadata, message: { key, value: 'x' } };
        expect(partitioner(args)).toBe(reference(args));
        expect(partitioner(args)).toBe(partitionForKey(key, count));
      }
    }
  });

  it('keeps an explicit partition', () => {
    expect(partitioner({ topic: 't', partitionMetadata: partitions(4), message: { key: 'a', value: 'x', partition: 3 } })).toBe(3);
  });

  it('sends keyless messages round robin over the partitions that have a leader', () => {
    const partitionMetadata = partitions(4, [2]);
    const chosen = Array.from({ length: 9 }, () => partitioner({ topic: 'keyless', partitionMetadata, message: { value: 'x' } }));
    expect(new Set(chosen)).toEqual(new Set([0, 1, 3]));
    for (let index = 1; index < chosen.length; index += 1) {
      expect(chosen[index]).toBe([0, 1, 3][([0, 1, 3].indexOf(chosen[index - 1]) + 1) % 3]);
    }
    const none = partitions(2, [0, 1]);
    expect([0, 1]).toContain(partitioner({ topic: 'leaderless', partitionMetadata: none, message: { value: 'x' } }));
  });
});
