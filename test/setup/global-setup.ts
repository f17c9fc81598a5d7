import { mkdirSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/data-source';
import { TEST_ALIAS, TEST_DATABASE_URL, TEST_ES_NODE, testServiceEnv } from './test-env';

/**
 * Starts (or reuses) the real Kafka, search engine and PostgreSQL, then gives the tests a
 * fresh database and no leftover test indexes.
 */
export default async function globalSetup(): Promise<void> {
  const { ensureInfra } = await import('../../infra/src');
  mkdirSync('test-artifacts', { recursive: true });
  await ensureInfra();
  await recreateDatabase(TEST_DATABASE_URL);
  await runMigrations({ url: TEST_DATABASE_URL });
  await fetch(`${TEST_ES_NODE}/${TEST_ALIAS}-*?ignore_unavailable=true&expand_wildcards=all`, {
    method: 'DELETE',
  });
  await startGroupsAtTopicEnd();
}

/**
 * The fresh database knows none of the stories already on the topics, so the test consumer
 * groups start at the end of each topic instead of replaying earlier runs' events.
 */
async function startGroupsAtTopicEnd(): Promise<void> {
  const env = testServiceEnv();
  const kafka = new Kafka({
    clientId: 'test-setup',
    brokers: String(env.KAFKA_BROKERS).split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const plan: [string, string][] = [
      ['enricher', 'news.story.ingested.v1'],
      ['indexer', 'news.story.enriched.v1'],
    ];
    for (const [service, topic] of plan) {
      if (!existing.has(topic)) continue;
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: `${String(env.KAFKA_GROUP_PREFIX)}.${service}`,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
