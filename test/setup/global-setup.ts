import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/data-source';
import { startGroupsAtTopicEnd } from '../../tools/stack/consumer-offsets';
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
  // The fresh database knows none of the stories already on the topics.
  const env = testServiceEnv();
  await startGroupsAtTopicEnd(String(env.KAFKA_BROKERS).split(','), String(env.KAFKA_GROUP_PREFIX));
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
