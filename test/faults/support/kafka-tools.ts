import { Kafka, logLevel, Partitioners, type IHeaders } from 'kafkajs';
import { readTopic, type ReadMessage } from '../../support/kafka-reader';
import { FAULT_INFRA } from './fault-env';

export type { ReadMessage };

export const TOPICS = {
  ingested: 'news.story.ingested.v1',
  enriched: 'news.story.enriched.v1',
} as const;
export const dlqOf = (topic: string): string => `${topic}.dlq`;

function kafka(): Kafka {
  return new Kafka({
    clientId: 'newswire-faults-test',
    brokers: [...FAULT_INFRA.kafkaBrokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
  });
}

/** Messages ever written to each dead-letter topic (end offset minus start offset, summed over partitions). */
export async function deadLetterCounts(): Promise<Record<string, number>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const counts: Record<string, number> = {};
    for (const topic of Object.values(TOPICS).map(dlqOf)) {
      if (!existing.has(topic)) {
        counts[topic] = 0;
        continue;
      }
      const offsets = await admin.fetchTopicOffsets(topic);
      counts[topic] = offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}

export interface RawMessage {
  key: string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

/** Writes messages as they are, bypassing every producer in the code base; returns partition and offset of each. */
export async function produceRaw(
  topic: string,
  messages: RawMessage[],
): Promise<{ partition: number; offset: string }[]> {
  const producer = kafka().producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    const positions: { partition: number; offset: string }[] = [];
    // One at a time, so each message's partition and offset are known exactly.
    for (const message of messages) {
      const [meta] = await producer.send({ topic, acks: -1, messages: [message] });
      positions.push({ partition: meta.partition, offset: meta.baseOffset ?? '-1' });
    }
    return positions;
  } finally {
    await producer.disconnect();
  }
}

/** Every message currently in a topic of the fault suite's broker. */
export function readAll(topic: string): Promise<ReadMessage[]> {
  return readTopic([...FAULT_INFRA.kafkaBrokers], topic);
}
