import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { MAX_EVENT_BYTES, Topics, deadLetterTopic } from '@lib/contracts';

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

/** Topic configuration the pipeline needs: events up to {@link MAX_EVENT_BYTES}. */
const MAX_MESSAGE_BYTES = 'max.message.bytes';

/**
 * Creates missing topics with the partition count and message size we want instead of relying
 * on auto-creation, raises the message size of topics created before with a smaller one, and
 * returns once every partition serves requests.
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
          configEntries: [{ name: MAX_MESSAGE_BYTES, value: String(MAX_EVENT_BYTES) }],
        })),
      });
    }
    await raiseMessageSize(
      admin,
      topics.filter((topic) => existing.has(topic)),
    );
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

/**
 * Topics made before events could be large keep Kafka's 1 MiB limit: raise it. Only ever up,
 * and only `max.message.bytes`, so a cluster managed elsewhere (Strimzi) sees no change when its
 * topics already allow {@link MAX_EVENT_BYTES}.
 */
async function raiseMessageSize(admin: Admin, topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: [MAX_MESSAGE_BYTES],
    })),
  });
  const tooSmall = described.resources
    .filter((resource) => {
      const entry = resource.configEntries.find((e) => e.configName === MAX_MESSAGE_BYTES);
      return Number(entry?.configValue ?? 0) < MAX_EVENT_BYTES;
    })
    .map((resource) => resource.resourceName);
  if (tooSmall.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: tooSmall.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configEntries: [{ name: MAX_MESSAGE_BYTES, value: String(MAX_EVENT_BYTES) }],
    })),
  });
}
