import { Kafka, logLevel } from 'kafkajs';
// Relative, not @lib/contracts: the jest global setup loads this file without path aliases.
import { Topics } from '../../libs/contracts/src/topics';

/** Which group consumes which topic: `<prefix>.<service>`. */
const CONSUMED: [service: string, topic: string][] = [
  ['enricher', Topics.storyIngested],
  ['indexer', Topics.storyEnriched],
];

/**
 * Starts a fresh stack's consumer groups at the end of each topic, so a new database does not
 * receive the events of earlier runs that share the broker (tests, benchmarks).
 */
export async function startGroupsAtTopicEnd(brokers: string[], groupPrefix: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'newswire-offsets',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const [service, topic] of CONSUMED) {
      if (!existing.has(topic)) continue;
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: `${groupPrefix}.${service}`,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
