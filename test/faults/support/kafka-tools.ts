import { Kafka, logLevel, Partitioners, type IHeaders, type KafkaMessage } from 'kafkajs';
import { FAULT_INFRA } from './fault-env';

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

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Every message currently in a topic, read from the start by a throwaway group. */
export async function readAll(topic: string): Promise<ReadMessage[]> {
  const client = kafka();
  const admin = client.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(
    ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]),
  );
  const messages: ReadMessage[] = [];
  if (remaining.size === 0) {
    await admin.disconnect();
    return messages;
  }
  const groupId = `newswire-faults-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const consumer = client.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          messages.push(toRead(partition, message));
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n))
            remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      });
    });
    await Promise.race([
      done,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`reading ${topic} took over 30 s`)), 30_000),
      ),
    ]);
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return messages;
}

function toRead(partition: number, message: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined)
      headers[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers,
  };
}
