/**
 * Proves the local infrastructure is the real thing: a Kafka broker answering the wire protocol, an
 * Elasticsearch node reporting its own version and analysing with hunspell, and PostgreSQL.
 * The global setup (test/setup/global-setup.ts) has already run ensureInfra().
 */
import { Client as EsClient, type estypes } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { parseHostPort, resolveConfig } from '../infra/src/config';
import { kafkaJarVersion, kafkaPaths } from '../infra/src/kafka';
import { fetchApiVersions } from '../infra/src/kafka-protocol';
import { ownedPid } from '../infra/src/process';

const cfg = resolveConfig({ log: () => undefined });
const suffix = `${process.pid}-${Date.now()}`;

describe('Kafka', () => {
  const kafka = new Kafka({
    clientId: 'infra-int-spec',
    brokers: cfg.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  it('answers describeCluster with a broker and a cluster id', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
      expect(cluster.brokers.map((b) => b.nodeId)).toContain(cluster.controller);
    } finally {
      await admin.disconnect();
    }
  });

  it('answers a raw ApiVersions request with the protocol ranges of a modern broker', async () => {
    const { host, port } = parseHostPort(cfg.kafkaBrokers[0]);
    const apis = await fetchApiVersions(host, port);
    const byKey = new Map(apis.map((a) => [a.apiKey, a]));
    expect(byKey.get(18)?.name).toBe('ApiVersions');
    // Produce v12+ and ConsumerGroupHeartbeat (KIP-848) only exist in Kafka 4.x brokers.
    expect(byKey.get(0)?.maxVersion).toBeGreaterThanOrEqual(12);
    expect(byKey.has(68)).toBe(true);
  });

  it('runs the 4.x jars when the broker is one infra started', () => {
    if (ownedPid(kafkaPaths(cfg).pidFile, kafkaPaths(cfg).serverProperties) === undefined) return; // reused external broker
    expect(kafkaJarVersion(cfg)).toMatch(/^4\.\d+\.\d+$/);
  });

  it('round-trips a message through an explicitly created topic', async () => {
    const topic = `infra-int-spec-${suffix}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `infra-int-spec-${suffix}` });
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: `hello ${suffix}` }] });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within 30s')), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            clearTimeout(timer);
            resolve(message.value?.toString() ?? '');
          },
        });
      });
      expect(received).toBe(`hello ${suffix}`);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});

describe('search engine', () => {
  const es = new EsClient({ node: cfg.esNode });
  afterAll(() => es.close());

  it('is a healthy Elasticsearch 8 cluster according to the official client', async () => {
    const health = await es.cluster.health();
    expect(['green', 'yellow']).toContain(health.status);
    expect(health.number_of_nodes).toBeGreaterThanOrEqual(1);
  });

  it('reports its own name and version from _nodes and cluster stats', async () => {
    const info = await es.nodes.info({ node_id: '_local' });
    const nodes = Object.values(info.nodes);
    expect(nodes).toHaveLength(1);
    expect(nodes[0].version).toMatch(/^8\.\d+\.\d+$/);
    expect(nodes[0].name.length).toBeGreaterThan(0);
    const stats = await es.cluster.stats();
    expect(stats.nodes.versions).toContain(nodes[0].version);
  });

  it('indexes and finds a document through a hunspell en_US analyzer', async () => {
    const index = `infra-int-spec-${suffix}`;
    await es.indices.create({
      index,
      settings: {
        number_of_shards: 1,
        number_of_replicas: 0,
        analysis: {
          filter: {
            // The client's typings demand locale, lang and language at once; the server needs one.
            en_stem: {
              type: 'hunspell',
              locale: 'en_US',
              dedup: true,
            } as estypes.AnalysisHunspellTokenFilter,
            en_stop: { type: 'stop', stopwords: '_english_' },
          },
          analyzer: {
            english_hunspell: {
              type: 'custom',
              tokenizer: 'standard',
              filter: ['lowercase', 'en_stem', 'en_stop'],
            },
          },
        },
      },
      mappings: { properties: { body: { type: 'text', analyzer: 'english_hunspell' } } },
    });
    try {
      const analyzed = await es.indices.analyze({
        index,
        analyzer: 'english_hunspell',
        text: 'The ministers',
      });
      expect(analyzed.tokens?.map((t) => t.token)).toEqual(['minister']);
      await es.index({
        index,
        id: '1',
        document: { body: 'Ministers were meeting the rebels in Tripoli' },
      });
      await es.indices.refresh({ index });
      const found = await es.search({ index, query: { match: { body: 'minister meets rebel' } } });
      expect(found.hits.hits.map((h) => h._id)).toEqual(['1']);
      const missed = await es.search({ index, query: { match: { body: 'parliament' } } });
      expect(missed.hits.hits).toHaveLength(0);
    } finally {
      await es.indices.delete({ index }, { ignore: [404] });
    }
  });
});

describe('PostgreSQL', () => {
  it('answers SELECT version() on DATABASE_URL', async () => {
    const client = new PgClient({ connectionString: cfg.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; db: string }>(
        'SELECT version() AS version, current_database() AS db',
      );
      expect(rows[0].version).toContain('PostgreSQL');
      expect(rows[0].db).toBe(new URL(cfg.databaseUrl).pathname.slice(1));
    } finally {
      await client.end();
    }
  });
});
