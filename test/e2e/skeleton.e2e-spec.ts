import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ServiceProcess } from '../../tools/stack/services';
import { startStack, stopStack } from '../support/stack';
import { TEST_DATABASE_URL, TEST_PORTS } from '../setup/test-env';
import { PIPELINE_TIMEOUT_MS, eventually } from '../support/eventually';
import { push, registerSource } from '../support/sources';

// The seed story under a uri of this suite's own, so other suites pushing the seed do not matter.
const SKELETON_URI = 'urn:newswire:test:skeleton:turkey-security-delegation-moscow-libya';
const seed = JSON.stringify({
  ...(JSON.parse(
    readFileSync(
      join(__dirname, '..', 'fixtures', 'seed', 'seed-warsan-turkey-libya.ninjs.json'),
      'utf8',
    ),
  ) as object),
  uri: SKELETON_URI,
});
// collapse=false: other suites push the seed under its own uri, and one cluster shows one story.
const searchUrl = (q: string) =>
  `http://127.0.0.1:${TEST_PORTS.api}/v1/search?q=${encodeURIComponent(q)}&collapse=false&size=100`;

interface SearchBody {
  total: number;
  items: { uri: string; headline: string; version: number }[];
}

describe('walking skeleton: four services over Kafka, Elasticsearch and PostgreSQL', () => {
  let services: ServiceProcess[] = [];
  let apiKey = '';

  beforeAll(async () => {
    services = await startStack('skeleton');
    apiKey = (await registerSource({ name: 'skeleton-cms', kind: 'push' })).apiKey ?? '';
  }, 120_000);

  afterAll(async () => {
    await stopStack(services);
  });

  it('makes a pushed ninjs story searchable within seconds', async () => {
    const pushedAt = Date.now();
    const response = await push(apiKey, seed);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { results: { uri: string; status: string }[] };
    expect(accepted.results).toEqual([
      expect.objectContaining({ uri: SKELETON_URI, status: 'accepted' }),
    ]);

    const found = await eventually(async () => {
      const body = (await (await fetch(searchUrl('Haftar'))).json()) as SearchBody;
      return body.items.find((item) => item.uri === accepted.results[0].uri);
    }, PIPELINE_TIMEOUT_MS);
    expect(found?.headline).toBe('Turkey to send security delegation to Moscow to discuss Libya');
    process.stdout.write(`skeleton end-to-end latency: ${Date.now() - pushedAt} ms\n`);
  });

  it('committed the story and emptied the outbox once relayed', async () => {
    const db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    try {
      const stories = await db.query('SELECT version, pubstatus FROM stories WHERE uri = $1', [
        SKELETON_URI,
      ]);
      expect(stories.rows).toEqual([{ version: 1, pubstatus: 'usable' }]);
      const outbox = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
      expect(outbox.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('vacuums the outbox itself once it has relayed a few rows (OUTBOX_VACUUM_ROWS, 5 here)', async () => {
    const db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    const vacuums = async (): Promise<number> =>
      (
        await db.query<{ n: number }>(
          `SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'outbox'`,
        )
      ).rows[0].n;
    try {
      const before = await vacuums();
      const other = (await registerSource({ name: 'vacuum-cms', kind: 'push' })).apiKey ?? '';
      const story = JSON.parse(seed) as Record<string, unknown>;
      for (let i = 0; i < 6; i += 1) {
        const response = await push(
          other,
          JSON.stringify({ ...story, uri: `${SKELETON_URI}:vacuum:${Date.now()}:${i}` }),
        );
        expect(response.status).toBe(202);
      }
      await eventually(async () => (await vacuums()) > before, PIPELINE_TIMEOUT_MS);
      // And relaying goes on after it.
      const empty = async () =>
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0].n === 0;
      await eventually(empty, PIPELINE_TIMEOUT_MS);
    } finally {
      await db.end();
    }
  });

  it('answers a second push of the same story as a duplicate', async () => {
    const response = await push(apiKey, seed);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { status: string }[] };
    expect(body.results.map((r) => r.status)).toEqual(['duplicate']);
  });

  it('refuses input that is not JSON or not a story with a 400 and a reason, emitting nothing', async () => {
    const notJson = await push(apiKey, '{"headline": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^WIRE\./);

    const notStory = await push(apiKey, '{"hello": "world"}');
    expect(notStory.status).toBe(400);
    const reason = (await notStory.json()) as { error: string; message: string };
    expect(reason.error).toMatch(/^WIRE\./);
    expect(reason.message.length).toBeGreaterThan(10);

    const db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    try {
      const rejected = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM rejected_items WHERE source = 'skeleton-cms'",
      );
      expect(rejected.rows[0].n).toBe(2);
      const stories = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM stories WHERE provenance->>'source' = 'skeleton-cms'",
      );
      expect(stories.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('exposes Prometheus metrics of the story it carried', async () => {
    const ingestMetrics = await (
      await fetch(`http://127.0.0.1:${TEST_PORTS.ingest}/metrics`)
    ).text();
    expect(ingestMetrics).toMatch(
      /newswire_ingest_items_total\{[^}]*source="skeleton-cms"[^}]*outcome="accepted"[^}]*\} 1/,
    );
    expect(ingestMetrics).toMatch(
      /newswire_ingest_items_total\{[^}]*outcome="rejected"[^}]*\} [1-9]/,
    );
    const indexerMetrics = await (
      await fetch(`http://127.0.0.1:${TEST_PORTS.indexer}/metrics`)
    ).text();
    expect(indexerMetrics).toMatch(/newswire_freshness_seconds_count\{[^}]*\} [1-9]/);
    expect(indexerMetrics).toMatch(/newswire_consumer_lag\{[^}]*topic="news.story.enriched.v1"/);
    // A batch is timed once it is committed, which may trail the story becoming searchable.
    const enricherMetrics = await eventually(async () => {
      const text = await (await fetch(`http://127.0.0.1:${TEST_PORTS.enricher}/metrics`)).text();
      return /newswire_stage_duration_seconds_count\{[^}]*stage="enricher"[^}]*\} [1-9]/.test(text)
        ? text
        : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(enricherMetrics).toMatch(/newswire_consumer_lag\{[^}]*topic="news.story.ingested.v1"/);
  });

  it("carries the caller's correlation id through the log lines of every stage", async () => {
    const correlationId = `skeleton-trace-${Date.now()}`;
    const uri = `${SKELETON_URI}:traced`;
    const story = { ...(JSON.parse(seed) as { headline: string }), uri };
    story.headline = `${story.headline} (traced)`;
    const response = await fetch(`http://127.0.0.1:${TEST_PORTS.ingest}/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'x-correlation-id': correlationId },
      body: JSON.stringify(story),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);

    const linesOf = (service: string): { msg?: string }[] =>
      readFileSync(join('test-artifacts', `skeleton-${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; correlationId?: string })
        .filter((entry) => entry.correlationId === correlationId);
    const traced = await eventually(() => {
      const lines = {
        ingest: linesOf('ingest'),
        enricher: linesOf('enricher'),
        indexer: linesOf('indexer'),
      };
      return lines.indexer.length > 0 ? lines : undefined;
    }, PIPELINE_TIMEOUT_MS);
    const messages = (entries: { msg?: string }[]) => entries.map((entry) => entry.msg ?? '');
    expect(messages(traced.ingest)).toContainEqual(expect.stringMatching(`accepted ${uri} v1 `));
    expect(messages(traced.ingest)).toContainEqual('request completed');
    expect(messages(traced.enricher)).toContainEqual(expect.stringMatching(`enriched ${uri} v1:`));
    expect(messages(traced.indexer)).toContainEqual(`index ${uri} v1: written`);
  });

  it('reports every service ready with its dependencies', async () => {
    for (const port of Object.values(TEST_PORTS)) {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(response.status).toBe(200);
    }
  });
});
