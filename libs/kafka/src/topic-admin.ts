import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Topics, deadLetterTopic } from '@lib/contracts';

export interface TopicSettings {
  brokers: string[];
  partitions: number;
  replicationFactor: number;
}

/** Every topic the pipeline uses, with its dead-letter twin. */
export function pipelineTopics(): string[] {
  return Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);
}

/** How long a new topic may take before each partition's leader answers offset requests. */
const LEADER_WAIT_MS = 30_000;

/**
 * Creates missing topics with the partition count we want instead of relying on auto-creation,
 * and returns once every partition serves requests.
 */
export async function ensureTopics(
  settings: TopicSettings,
  topics = pipelineTopics(),
): Promise<void> {
  const admin = new Kafka({
    clientId: 'newswire-topic-admin',
    brokers: settings.brokers,
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
        })),
      });
    }
    // Also when another process created them a moment ago.
    await waitUntilServed(admin, topics);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A KRaft broker reports leaders in metadata slightly before they answer ListOffsets
 * ("not the leader for that topic-partition"): poll until each new topic answers.
 */
async function waitUntilServed(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (const topic of topics) {
    for (;;) {
      try {
        await admin.fetchTopicOffsets(topic);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}
