import { TOPICS } from '@support/contracts';
import type { Admin } from 'kafkajs';

export interface TopicLayout {
  /** partitions of each support topic: the most consumer replicas that can share a topic's work */
  partitions: number;
  /** -1: the broker's default.replication.factor */
  replicationFactor: number;
}

/**
 * Creates the platform's topics with the chosen partition count where they do not exist yet.
 * An existing topic is left as it is (Kafka cannot take partitions away, and adding some would
 * move keys to other partitions mid-stream: that is the platform team's deliberate act). A
 * broker without the CreateTopics API, such as librdkafka's mock cluster, auto-creates topics
 * instead: that is reported, not an error.
 */
export async function ensureTopics(
  admin: Pick<Admin, 'createTopics'>,
  layout: TopicLayout,
): Promise<'created' | 'existing' | 'unsupported'> {
  try {
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values(TOPICS).map((topic) => ({
        topic,
        numPartitions: layout.partitions,
        replicationFactor: layout.replicationFactor,
      })),
    });
    return created ? 'created' : 'existing';
  } catch (error) {
    const text = `${(error as Error).message} ${(error as { type?: string }).type ?? ''}`;
    if (/UNSUPPORTED_VERSION|not supported|Unsupported/i.test(text)) return 'unsupported';
    if (/TOPIC_ALREADY_EXISTS|already exists/i.test(text)) return 'existing';
    throw error;
  }
}
