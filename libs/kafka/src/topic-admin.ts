import { Kafka, logLevel } from 'kafkajs';
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

/** Creates missing topics with the partition count we want instead of relying on auto-creation. */
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
  } finally {
    await admin.disconnect();
  }
}
