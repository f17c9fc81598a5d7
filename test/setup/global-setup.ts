import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/data-source';
import { TEST_ALIAS, TEST_DATABASE_URL, TEST_ES_NODE } from './test-env';

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
  await fetch(`${TEST_ES_NODE}/${TEST_ALIAS}-*?ignore_unavailable=true&expand_wildcards=all`, { method: 'DELETE' });
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
