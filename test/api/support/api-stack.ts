import { Client as SearchClient } from '@elastic/elasticsearch';
import { Client as PgClient } from 'pg';
import { runMigrations } from '@lib/database';
import { ensureStoriesIndex } from '@lib/search';
import { ServiceProcess } from '../../../tools/stack/services';
import {
  TEST_ALIAS,
  TEST_DATABASE_URL,
  TEST_ES_NODE,
  TEST_PORTS,
  testServiceEnv,
} from '../../setup/test-env';
import { StoryStore } from './story-store';

export interface ApiStack {
  baseUrl: string;
  alias: string;
  databaseUrl: string;
  search: SearchClient;
  db: PgClient;
  stories: StoryStore;
  api: ServiceProcess;
  get<T = unknown>(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

export interface ApiStackOptions {
  /** Names the log file, database and index alias, so suites never see each other's data. */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** Refresh interval of the test index; tests that write refresh explicitly. */
  refreshInterval?: string;
}

/** A database of its own, named after the run's test database (so TEST_NAMESPACE separates runs). */
export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_api_${name.replace(/[^a-z0-9]/g, '_')}`;
  return url.toString();
}

/** An alias of its own under the run's test alias, so global setup cleans it up with the rest. */
export function aliasFor(name: string): string {
  return `${TEST_ALIAS}-api-${name}`;
}

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new PgClient({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await runMigrations({ url });
}

export async function recreateIndex(
  search: SearchClient,
  alias: string,
  refreshInterval = '1s',
): Promise<void> {
  await search.indices.delete({
    index: `${alias}-*`,
    expand_wildcards: 'all',
    ignore_unavailable: true,
  });
  await ensureStoriesIndex(search, alias, refreshInterval);
}

/** Fresh database and index, then the api as its own process from the build (run `npm run build` first). */
export async function startApiStack(options: ApiStackOptions): Promise<ApiStack> {
  const alias = aliasFor(options.name);
  const databaseUrl = databaseUrlFor(options.name);
  await recreateDatabase(databaseUrl);
  const search = new SearchClient({ node: TEST_ES_NODE });
  await recreateIndex(search, alias, options.refreshInterval);
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  const api = new ServiceProcess('api', {
    env: testServiceEnv({ DATABASE_URL: databaseUrl, ES_STORIES_ALIAS: alias, ...options.env }),
    output: { file: `test-artifacts/api-${options.name}.log` },
  });
  await api.waitReady(60_000);
  const baseUrl = `http://127.0.0.1:${TEST_PORTS.api}`;
  return {
    baseUrl,
    alias,
    databaseUrl,
    search,
    db,
    api,
    stories: new StoryStore(db, search, alias),
    async get<T>(path: string, init?: RequestInit) {
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a page, a stream): keep the text
      }
      return { status: response.status, body: body as T, headers: response.headers };
    },
    async stop() {
      await api.stop();
      await db.end();
      await search.close();
    },
  };
}
