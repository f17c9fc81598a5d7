import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Every message currently in a topic, read from the start by a throwaway group. */
export async function readTopic(brokers: string[], topic: string): Promise<ReadMessage[]> {
  const client = new Kafka({
    clientId: 'newswire-test-reader',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
  });
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
  const groupId = `newswire-test-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`;
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
