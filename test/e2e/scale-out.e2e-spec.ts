import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as SearchClient } from '@elastic/elasticsearch';
import { Client as PgClient } from 'pg';
import { ServiceProcess, type ServiceName } from '../../tools/stack/services';
import {
  TEST_ALIAS,
  TEST_DATABASE_URL,
  TEST_ES_NODE,
  TEST_PORTS,
  testServiceEnv,
} from '../setup/test-env';
import { eventually } from '../support/eventually';
import { registerSource } from '../support/sources';

/**
 * Several enricher and indexer instances in one consumer group each, on topics of three
 * partitions: the work spreads over the instances, and when one of each is killed outright
 * the group rebalances onto the survivors with no story lost and none indexed twice. Every
 * enricher holds the same window of recent stories: one that starts reads the index, and each
 * takes in what the others enriched.
 */
const SOURCE = `scale-out-${Date.now()}`;
/** The window cases' stories, apart so the counts of the cases above stay exact. */
const WINDOW_SOURCE = `window-${Date.now()}`;
const STORIES_PER_ROUND = 120;
// A killed member holds its partitions until the group's session timeout expires.
const SESSION_TIMEOUT_MS = 10_000;
const REBALANCE_TIMEOUT_MS = 60_000;

interface Instance {
  process: ServiceProcess;
  logFile: string;
}

function start(service: ServiceName, label: string, port: number): Instance {
  const logFile = join('test-artifacts', `scale-out-${label}.log`);
  const portVariable = service === 'enricher' ? 'ENRICHER_PORT' : 'INDEXER_PORT';
  const instance = new ServiceProcess(service, {
    env: testServiceEnv({
      [portVariable]: String(port),
      KAFKA_SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS),
    }),
    output: { file: logFile },
  });
  return { process: instance, logFile };
}

/** Uris of this suite's stories each instance logged as done, in order (`enriched <uri>` / `index <uri> vN: written`). */
function storiesHandledBy(instance: Instance, pattern: RegExp, source = SOURCE): string[] {
  return readFileSync(instance.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '')
    .map((msg) => pattern.exec(msg)?.[1])
    .filter((uri): uri is string => uri?.includes(`:${source}:`) ?? false);
}
const ENRICHED = /^enriched (\S+) v\d+:/;
const INDEXED = /^index (\S+) v\d+: written$/;

const wireSeed = JSON.parse(
  readFileSync(
    join(__dirname, '..', 'fixtures', 'seed', 'seed-warsan-turkey-libya.ninjs.json'),
    'utf8',
  ),
) as Record<string, unknown>;

/** A second story, on another subject, so its copies cannot join the first one's cluster. */
const strikeSeed: Record<string, unknown> = {
  type: 'text',
  version: '1',
  language: 'en',
  pubstatus: 'usable',
  versioncreated: '2026-11-20T09:00:00Z',
  headline: 'Dock workers in Abidjan strike over cocoa export levies',
  body_html: [
    'Dock workers at the port of Abidjan walked off the job on Friday, halting cocoa exports from the world’s largest grower as a dispute over new export levies deepened.',
    'The union said members would stay out until the ports authority withdrew a surcharge it says cuts wages for loaders paid by the tonne.',
    'Exporters said about forty vessels were waiting at anchor and warned that contracts for the mid-crop could be delayed by several weeks.',
    'Cocoa futures in London rose to a two-month high on the news, traders said, before easing as buyers waited for word from the government.',
    'The ministry of transport called for talks on Monday and said the levy funds repairs to quays damaged in last year’s storms.',
  ]
    .map((p) => `<p>${p}</p>`)
    .join(''),
};

/** Another wire's copy of a story: near-duplicate text, so it belongs in that story's cluster. */
function wireCopy(
  original: Record<string, unknown>,
  uri: string,
  headline: string,
): Record<string, unknown> {
  return { ...original, uri, headline, copyrightnotice: 'Reuters' };
}

function ninjs(i: number): Record<string, unknown> {
  const subjects = ['oil prices', 'grain harvest', 'central bank rates', 'port strike', 'election'];
  return {
    uri: `urn:newswire:test:${SOURCE}:${i}`,
    version: '1',
    type: 'text',
    language: 'en',
    versioncreated: new Date(Date.now() - i * 1000).toISOString(),
    headline: `Story ${i} of the scale-out run on ${subjects[i % subjects.length]}`,
    pubstatus: 'usable',
    body_html: `<p>Report number ${i}. Traders in city ${i} watched ${subjects[i % subjects.length]} closely, officials said on day ${i}.</p>`,
  };
}

describe('scale-out: several enricher and indexer instances in one consumer group', () => {
  const enrichers: Instance[] = [];
  const indexers: Instance[] = [];
  let ingest: ServiceProcess;
  let apiKey = '';
  let windowKey = '';
  let search: SearchClient;
  let db: PgClient;

  const pushBatch = async (key: string, stories: Record<string, unknown>[]): Promise<void> => {
    const items = stories.map((story) => ({ content: JSON.stringify(story), format: 'ninjs' }));
    const response = await fetch(`http://127.0.0.1:${TEST_PORTS.ingest}/v1/ingest/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    expect(response.status).toBe(202);
  };
  const push = (from: number, count: number): Promise<void> =>
    pushBatch(
      apiKey,
      Array.from({ length: count }, (_, k) => ninjs(from + k)),
    );

  /** Pushes the copies as the window source; each must be indexed in the given cluster. */
  const expectClusteredWith = async (
    cluster: string,
    copies: Record<string, unknown>[],
  ): Promise<void> => {
    await pushBatch(windowKey, copies);
    for (const copy of copies)
      expect(await eventually(() => indexedCluster(String(copy.uri)), REBALANCE_TIMEOUT_MS)).toBe(
        cluster,
      );
  };

  const indexedCluster = async (uri: string): Promise<string | undefined> => {
    const found = await search.get<{ cluster?: string }>(
      { index: TEST_ALIAS, id: uri, _source: ['cluster'] },
      { ignore: [404] },
    );
    return found.found ? found._source?.cluster : undefined;
  };

  const searchable = async (): Promise<{ uri: string; version: number }[]> => {
    await search.indices.refresh({ index: TEST_ALIAS });
    const result = await search.search<{ uri: string; version: number }>({
      index: TEST_ALIAS,
      size: 1000,
      query: { term: { source: SOURCE } },
      _source: ['uri', 'version'],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  };

  beforeAll(async () => {
    ingest = new ServiceProcess('ingest', {
      env: testServiceEnv(),
      output: { file: 'test-artifacts/scale-out-ingest.log' },
    });
    enrichers.push(
      start('enricher', 'enricher-a', TEST_PORTS.enricher),
      start('enricher', 'enricher-b', TEST_PORTS.indexer + 2),
    );
    indexers.push(
      start('indexer', 'indexer-a', TEST_PORTS.indexer),
      start('indexer', 'indexer-b', TEST_PORTS.indexer + 3),
    );
    await Promise.all(
      [ingest, ...enrichers.map((i) => i.process), ...indexers.map((i) => i.process)].map((p) =>
        p.waitReady(90_000),
      ),
    );
    ({ apiKey = '' } = await registerSource({ name: SOURCE, kind: 'push' }));
    ({ apiKey: windowKey = '' } = await registerSource({ name: WINDOW_SOURCE, kind: 'push' }));
    search = new SearchClient({ node: TEST_ES_NODE });
    db = new PgClient({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      [ingest, ...enrichers.map((i) => i.process), ...indexers.map((i) => i.process)].map((p) =>
        p?.stop(),
      ),
    );
    await search?.close();
    await db?.end();
  });

  it('spreads the work over every instance of each group', async () => {
    await push(0, STORIES_PER_ROUND);
    const found = await eventually(async () => {
      const docs = await searchable();
      return docs.length === STORIES_PER_ROUND ? docs : undefined;
    }, REBALANCE_TIMEOUT_MS);
    expect(found).toHaveLength(STORIES_PER_ROUND);

    const enriched = enrichers.map((i) => storiesHandledBy(i, ENRICHED));
    const indexed = indexers.map((i) => storiesHandledBy(i, INDEXED));
    process.stdout.write(
      `scale-out spread: enrichers ${enriched.map((u) => u.length).join('/')}, ` +
        `indexers ${indexed.map((u) => u.length).join('/')}\n`,
    );
    for (const share of [...enriched, ...indexed]) expect(share.length).toBeGreaterThan(0);
    // With nothing failing, each story went through each stage exactly once.
    const allEnriched = enriched.flat();
    expect(new Set(allEnriched).size).toBe(STORIES_PER_ROUND);
    expect(allEnriched).toHaveLength(STORIES_PER_ROUND);
    expect(indexed.flat()).toHaveLength(STORIES_PER_ROUND);
  });

  it('rebalances onto the survivors when an instance is killed, losing and doubling nothing', async () => {
    const total = 2 * STORIES_PER_ROUND;
    const half = STORIES_PER_ROUND / 2;
    await push(STORIES_PER_ROUND, half);
    // Killed outright while the second round flows: no graceful hand-back, uncommitted work is redelivered.
    await Promise.all([enrichers[1].process.kill(), indexers[1].process.kill()]);
    const killedAt = Date.now();
    await push(STORIES_PER_ROUND + half, half);

    const docs = await eventually(async () => {
      const current = await searchable();
      return current.length === total ? current : undefined;
    }, REBALANCE_TIMEOUT_MS);
    process.stdout.write(
      `scale-out: all ${total} searchable ${Date.now() - killedAt} ms after the kill\n`,
    );

    // No loss: every story pushed is searchable, once, at its version.
    const expected = Array.from({ length: total }, (_, i) => `urn:newswire:test:${SOURCE}:${i}`);
    expect(docs.map((d) => d.uri).sort()).toEqual([...expected].sort());
    expect(docs.every((d) => d.version === 1)).toBe(true);
    const stored = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM stories WHERE provenance->>'source' = $1",
      [SOURCE],
    );
    expect(stored.rows[0].n).toBe(total);

    // The survivors took over the killed instances' partitions: they handled stories of every partition.
    const survivorEnriched = storiesHandledBy(enrichers[0], ENRICHED);
    const survivorIndexed = storiesHandledBy(indexers[0], INDEXED);
    const secondRound = new Set(expected.slice(STORIES_PER_ROUND + half));
    const killedShare = new Set([
      ...storiesHandledBy(enrichers[1], ENRICHED),
      ...storiesHandledBy(indexers[1], INDEXED),
    ]);
    expect([...secondRound].every((uri) => !killedShare.has(uri))).toBe(true);
    expect(survivorEnriched.filter((uri) => secondRound.has(uri))).toHaveLength(half);
    expect(survivorIndexed.filter((uri) => secondRound.has(uri))).toHaveLength(half);

    // Redelivery after a crash may enrich a story twice; the index still holds it once (checked above).
    const enrichments = [...survivorEnriched, ...storiesHandledBy(enrichers[1], ENRICHED)];
    const redelivered = enrichments.length - new Set(enrichments).size;
    process.stdout.write(`scale-out: ${redelivered} stories enriched again after the kill\n`);
  });

  it('starts a new enricher with the recent stories of the index, before it consumes', async () => {
    const seedUri = `urn:newswire:test:${WINDOW_SOURCE}:seed-1`;
    await pushBatch(windowKey, [{ ...wireSeed, uri: seedUri }]);
    const seedCluster = await eventually(() => indexedCluster(seedUri), REBALANCE_TIMEOUT_MS);

    // A new instance, which was not running when the seed was enriched, then the only one.
    const fresh = start('enricher', 'enricher-c', TEST_PORTS.indexer + 4);
    enrichers.push(fresh);
    await fresh.process.waitReady(90_000);
    await enrichers[0].process.stop();

    const copies = [1, 2, 3].map((i) =>
      wireCopy(
        wireSeed,
        `urn:newswire:test:${WINDOW_SOURCE}:copy-1-${i}`,
        'Turkey to send delegation to Moscow for Libya talks',
      ),
    );
    await expectClusteredWith(seedCluster, copies);
    // Every copy went through the new instance (in any order: they span partitions).
    expect(storiesHandledBy(fresh, ENRICHED, WINDOW_SOURCE).sort()).toEqual(
      copies.map((c) => String(c.uri)).sort(),
    );
  });

  it('lets every enricher find the stories the others enriched', async () => {
    const second = start('enricher', 'enricher-d', TEST_PORTS.indexer + 5);
    enrichers.push(second);
    await second.process.waitReady(90_000);
    const pair = enrichers.slice(-2);
    const seedUri = `urn:newswire:test:${WINDOW_SOURCE}:seed-2`;
    await pushBatch(windowKey, [{ ...strikeSeed, uri: seedUri }]);
    const seedCluster = await eventually(() => indexedCluster(seedUri), REBALANCE_TIMEOUT_MS);
    const seedEnricher = pair.find((i) =>
      storiesHandledBy(i, ENRICHED, WINDOW_SOURCE).includes(seedUri),
    );
    const other = pair.find((i) => i !== seedEnricher);
    if (!seedEnricher || !other) throw new Error('the seed was enriched by neither new instance');

    // Keyed by uri over three partitions: with 20 copies both instances get some.
    const copies = Array.from({ length: 20 }, (_, i) =>
      wireCopy(
        strikeSeed,
        `urn:newswire:test:${WINDOW_SOURCE}:copy-2-${i}`,
        'Abidjan dockers strike over cocoa export levies',
      ),
    );
    await expectClusteredWith(seedCluster, copies);
    const byOther = storiesHandledBy(other, ENRICHED, WINDOW_SOURCE).filter((uri) =>
      uri.includes(':copy-2-'),
    );
    process.stdout.write(
      `scale-out window: ${byOther.length} of 20 copies enriched by the instance that did not enrich the seed\n`,
    );
    expect(byOther.length).toBeGreaterThan(0);
  });
});
