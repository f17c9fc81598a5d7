import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { resolveConfig } from '../../../infra/src/config';
import { kafkaPaths } from '../../../infra/src/kafka';
import { testServiceEnv } from '../../../test/setup/test-env';
import { readTopic } from '../../../test/support/kafka-reader';
import { KafkaPublisher, type OutboundMessage, type PublisherCompression } from './kafka-publisher';

/** `KAFKA_COMPRESSION` against the real broker: what is stored, and that consumers read it back. */
const brokers = String(testServiceEnv().KAFKA_BROKERS).split(',');
const kafka = new Kafka({ clientId: 'publisher-int', brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const run = Date.now().toString(36);
const topicFor = (codec: PublisherCompression) => `test.publisher-${codec}-${run}`;

// Stories repeat their vocabulary, as wire copy does; 300 of them, ~2 KB each.
const messages: OutboundMessage[] = Array.from({ length: 300 }, (_, i) => ({
  key: `urn:test:${i}`,
  value: {
    uri: `urn:test:${i}`,
    headline: `Markets story ${i}`,
    body: `Shares rose on the exchange as traders weighed the central bank's outlook. `.repeat(28),
  },
  headers: { 'content-type': 'application/json' },
}));

/** Bytes the broker keeps for the topic's single partition (its log segments on disk). */
function storedBytes(topic: string): number {
  const dir = path.join(kafkaPaths(resolveConfig()).data, `${topic}-0`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.log'))
    .reduce((bytes, file) => bytes + statSync(path.join(dir, file)).size, 0);
}

/** The topic's messages as a consumer sees them: key and value as text. */
async function readBack(topic: string): Promise<{ key: string | null; value: string }[]> {
  return (await readTopic(brokers, topic)).map((m) => ({ key: m.key, value: String(m.value) }));
}

describe('KafkaPublisher compression, against the broker', () => {
  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: (['none', 'gzip'] as const).map((codec) => ({
        topic: topicFor(codec),
        numPartitions: 1,
        replicationFactor: 1,
      })),
    });
  });

  afterAll(async () => {
    await admin
      .deleteTopics({ topics: [topicFor('none'), topicFor('gzip')] })
      .catch(() => undefined);
    await admin.disconnect();
  });

  it('stores gzip batches in a fraction of the bytes, and consumers read the same messages', async () => {
    const stored: Record<PublisherCompression, number> = { none: 0, gzip: 0 };
    for (const compression of ['none', 'gzip'] as const) {
      const publisher = new KafkaPublisher({ brokers, clientId: 'publisher-int', compression });
      await publisher.connect();
      try {
        await publisher.publish(topicFor(compression), messages);
      } finally {
        await publisher.close();
      }
      stored[compression] = storedBytes(topicFor(compression));
    }

    expect(stored.none).toBeGreaterThan(300 * 2_000);
    expect(stored.gzip).toBeLessThan(stored.none / 10);

    const expected = messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) }));
    expect(await readBack(topicFor('gzip'))).toEqual(expected);
    expect(await readBack(topicFor('none'))).toEqual(expected);
  });
});
