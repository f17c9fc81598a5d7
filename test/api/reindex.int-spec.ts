import { spawn } from 'node:child_process';
import { Client as SearchClient } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { STORY_ENRICHED_V1, Topics, type StoryEnrichedV1Payload } from '@lib/contracts';
import { createEnvelope, ensureTopics } from '@lib/kafka';
import {
  bulkWrite,
  documentIdFor,
  findNewerCoverage,
  listVersionedIndexes,
  readTagNamesById,
  tagNamesIndexFor,
  toSearchDocument,
  type StorySearchDocument,
} from '@lib/search';
import { ServiceProcess } from '../../tools/stack/services';
import { TEST_ES_NODE, testServiceEnv } from '../setup/test-env';
import { eventually } from '../support/eventually';
import { aliasFor, databaseUrlFor, recreateDatabase, recreateIndex } from './support/api-stack';
import { StoryStore } from './support/story-store';
import { TAGS, hoursAgo, nextVersion, wireStory } from './support/wire-stories';

const STORIES = 1_000;
/** Live traffic touches only the first stories, so the rest show what the copy alone produced. */
const TOUCHED = 800;
const alias = aliasFor('reindex');
const uriOf = (i: number) => `urn:test:reindex:${String(i).padStart(4, '0')}`;
/** Each story links to the one before it, strongly enough to show there as newer coverage. */
const link = (i: number) => ({
  uri: uriOf(i),
  headline: `Story ${i} v1`,
  score: 1.2,
  reason: { sharedEntities: [TAGS.energy.id], sharedTerms: [] },
});
const databaseUrl = databaseUrlFor('reindex');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const groupPrefix = `newswire-test-reindex-${Date.now()}`;

type Phase = 'building' | 'copied' | 'verified' | 'swapped' | 'exited';

/** The CLI as an operator runs it, with the phases it reports and when they were reported. */
function runReindex(env: NodeJS.ProcessEnv): {
  phases: Map<Phase, number>;
  output: () => string;
  exit: Promise<number | null>;
} {
  const phases = new Map<Phase, number>();
  let output = '';
  const child = spawn('npm', ['run', '--silent', 'cli', '--', 'reindex', '--batch-size', '50'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watch = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const phase of ['building', 'copied', 'verified', 'swapped'] as const) {
      if (!phases.has(phase) && output.includes(`reindex: ${phase}`)) phases.set(phase, Date.now());
    }
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  const exit = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      phases.set('exited', Date.now());
      done(code);
    }),
  );
  return { phases, output: () => output, exit };
}

describe('cli reindex', () => {
  let search: SearchClient;
  let db: PgClient;
  let store: StoryStore;
  let indexer: ServiceProcess;
  let producer: Producer;
  const latest = new Map<string, StoryEnrichedV1Payload>();

  beforeAll(async () => {
    await recreateDatabase(databaseUrl);
    search = new SearchClient({ node: TEST_ES_NODE });
    await recreateIndex(search, alias);
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    store = new StoryStore(db, search, alias);

    const seeded = Array.from({ length: STORIES }, (_, i) =>
      wireStory({
        uri: uriOf(i),
        headline: `Story ${i} v1`,
        body: `Body of story ${i}.`,
        source: i % 2 ? 'ap-feed' : 'reuters-feed',
        provider: i % 2 ? 'ap' : 'reuters',
        versioncreated: hoursAgo(48 - i / 100),
        // The last stories alone carry Haftar: only the copy can bring that name back.
        tags: [i >= STORIES - 10 ? TAGS.haftar : i % 3 ? TAGS.libya : TAGS.opec, TAGS.energy],
        cluster: `cluster:reindex-${Math.floor(i / 2)}`,
        related: i > 0 ? [link(i - 1)] : [],
      }),
    );
    for (const payload of seeded) {
      await store.record(payload);
      latest.set(payload.story.uri, payload);
    }
    // As in an index filled before tag names were kept beside it, and before related links'
    // targets were indexed: no tag names, no `related_uris`.
    const written = await bulkWrite(
      search,
      alias,
      seeded.map((payload) => {
        const { related_uris: _, ...document } = toSearchDocument(payload, new Date());
        const { uri, version } = payload.story;
        return { kind: 'index' as const, id: documentIdFor(uri), version, document };
      }),
    );
    expect(written.filter((result) => result.status !== 'written')).toEqual([]);
    await search.indices.refresh({ index: alias });
    expect(await search.indices.exists({ index: tagNamesIndexFor(alias) })).toBe(false);

    // A fresh consumer group starting at the end of the topic: only this test's events reach the indexer.
    await ensureTopics({ brokers, partitions: 3, replicationFactor: 1 });
    const kafka = new Kafka({ clientId: 'reindex-test', brokers, logLevel: logLevel.ERROR });
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Explicit high watermarks: kafkajs's resetOffsets commits -1, which a new group reads as "from the beginning".
      const ends = await admin.fetchTopicOffsets(Topics.storyEnriched);
      await admin.setOffsets({
        groupId: `${groupPrefix}.indexer`,
        topic: Topics.storyEnriched,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    } finally {
      // An open admin connection would keep jest from exiting.
      await admin.disconnect();
    }
    producer = kafka.producer();
    await producer.connect();

    indexer = new ServiceProcess('indexer', {
      env: testServiceEnv({
        DATABASE_URL: databaseUrl,
        ES_STORIES_ALIAS: alias,
        KAFKA_GROUP_PREFIX: groupPrefix,
      }),
      output: { file: 'test-artifacts/indexer-reindex.log' },
    });
    await indexer.waitReady(60_000);
  }, 180_000);

  afterAll(async () => {
    await indexer?.stop();
    await producer?.disconnect();
    await db?.end();
    await search?.close();
  });

  /** A new version through the pipeline's path: PostgreSQL first, then the enriched event. */
  async function publishLive(payload: StoryEnrichedV1Payload): Promise<void> {
    await store.record(payload);
    latest.set(payload.story.uri, payload);
    const envelope = createEnvelope(STORY_ENRICHED_V1, payload, { producer: 'reindex-test' });
    await producer.send({
      topic: Topics.storyEnriched,
      messages: [{ key: payload.story.uri, value: JSON.stringify(envelope) }],
    });
  }

  it('rebuilds into a new index, swaps the alias and loses no live update', async () => {
    const cli = runReindex({
      ...testServiceEnv({ DATABASE_URL: databaseUrl, ES_STORIES_ALIAS: alias }),
      HOME: process.env.HOME,
    });
    const published: { at: number; kind: 'update' | 'new' | 'kill' }[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    let n = 0;
    const traffic = (async () => {
      // Updates keep arriving before, during and after the copy and the swap.
      while (Date.now() < stopAt) {
        n += 1;
        const uri = uriOf(Math.floor(Math.random() * TOUCHED));
        const current = latest.get(uri);
        if (!current || current.story.pubstatus !== 'usable') continue;
        if (n % 97 === 0) {
          await publishLive(nextVersion(current, { pubstatus: 'canceled' }));
          published.push({ at: Date.now(), kind: 'kill' });
        } else if (n % 41 === 0) {
          await publishLive(
            wireStory({
              uri: `urn:test:reindex:new-${n}`,
              headline: `Breaking ${n}`,
              body: 'Just in.',
              source: 'ap-feed',
              provider: 'ap',
              versioncreated: new Date().toISOString(),
              tags: [TAGS.crude],
            }),
          );
          published.push({ at: Date.now(), kind: 'new' });
        } else {
          const version = current.story.version + 1;
          await publishLive(
            nextVersion(current, { headline: `Story ${uri.slice(-4)} v${version}` }),
          );
          published.push({ at: Date.now(), kind: 'update' });
        }
        await new Promise((r) => setTimeout(r, 15));
      }
    })();

    const code = await cli.exit;
    // Past the writers' target cache, so writes that still went to both indexes are covered too.
    stopAt = Date.now() + 7_000;
    await traffic;
    const output = cli.output();
    expect({ code, swapped: output.includes('reindex: swapped') }).toEqual({
      code: 0,
      swapped: true,
    });
    expect(output).toMatch(/reindex \|.*\| \d+% \| \d+\/\d+ stories \| \d+ stories\/s \| ETA/);
    const phase = (p: Phase): number => cli.phases.get(p) ?? Number.NaN;
    const during = (from: number, to: number) =>
      published.filter((p) => p.at >= from && p.at < to).length;
    // The test only means something if updates really arrived while copying and around the swap.
    expect(during(phase('building'), phase('copied'))).toBeGreaterThan(20);
    expect(during(phase('verified'), phase('exited') + 5_000)).toBeGreaterThan(20);
    expect(published.filter((p) => p.kind === 'kill').length).toBeGreaterThan(0);

    const indexes = await listVersionedIndexes(search, alias);
    expect(indexes.map((i) => [i.index, i.state, i.isAliased])).toEqual([
      [`${alias}-v1`, 'retired', false],
      [`${alias}-v2`, 'live', true],
    ]);
    const aliases = await search.indices.getAlias({ name: alias });
    expect(aliases[`${alias}-v2`]?.aliases[alias]?.is_write_index).toBe(true);

    // Once the pipeline has drained, the alias serves exactly PostgreSQL's latest versions.
    const stored = await db.query<{
      uri: string;
      version: number;
      pubstatus: string;
      headline: string;
    }>(`SELECT uri, version, pubstatus, story->>'headline' AS headline FROM stories ORDER BY uri`);
    const live = stored.rows.filter((r) => r.pubstatus === 'usable');
    const killed = stored.rows.filter((r) => r.pubstatus !== 'usable');
    expect(killed.length).toBeGreaterThan(0);
    expect(live.length).toBeGreaterThan(STORIES - killed.length);

    const mismatches = await eventually(
      async () => {
        await search.indices.refresh({ index: alias });
        const docs = await search.mget<StorySearchDocument>({
          index: alias,
          ids: stored.rows.map((r) => documentIdFor(r.uri)),
        });
        const wrong = stored.rows.filter((row, i) => {
          const doc = docs.docs[i];
          const found = doc && 'found' in doc && doc.found ? doc._source : undefined;
          if (row.pubstatus !== 'usable') return found !== undefined;
          return !found || found.version !== row.version || found.headline !== row.headline;
        });
        return wrong.length === 0 ? ['none'] : null;
      },
      30_000,
      500,
    );
    expect(mismatches).toEqual(['none']);
    const count = await search.count({ index: alias });
    expect(count.count).toBe(live.length);
  }, 240_000);

  it('kept the enrichment and the indexing time of stories it copied', async () => {
    const untouched = Array.from({ length: STORIES - TOUCHED }, (_, i) =>
      documentIdFor(uriOf(TOUCHED + i)),
    );
    const [v1, v2] = await Promise.all(
      [`${alias}-v1`, `${alias}-v2`].map((index) =>
        search.mget<StorySearchDocument>({ index, ids: untouched }),
      ),
    );
    const pick = (doc: (typeof v1.docs)[number]) => {
      const source = 'found' in doc && doc.found ? doc._source : undefined;
      return (
        source && {
          uri: source.uri,
          version: source.version,
          tags: source.tags,
          cluster: source.cluster,
          related: source.related,
          indexed_at: source.indexed_at,
        }
      );
    };
    const copied = v2.docs.map(pick);
    expect(
      copied.filter((doc) => !(doc?.version === 1 && doc.tags.length === 2 && doc.cluster)),
    ).toEqual([]);
    expect(copied).toEqual(v1.docs.map(pick));
  });

  it("indexed the related links' targets the old index lacked, so newer coverage shows again", async () => {
    const untouched = uriOf(STORIES - 2);
    const [v1, v2] = await Promise.all(
      [`${alias}-v1`, `${alias}-v2`].map((index) =>
        search.get<StorySearchDocument>({ index, id: documentIdFor(untouched) }),
      ),
    );
    expect(v1._source?.related_uris).toBeUndefined();
    expect(v2._source?.related_uris).toEqual([uriOf(STORIES - 3)]);
    const coverage = await findNewerCoverage(search, alias, untouched, { minScore: 1, max: 3 });
    expect(coverage.map((l) => [l.uri, l.score])).toEqual([[uriOf(STORIES - 1), 1.2]]);
  });

  it('filled the tag names index from the stories it copied', async () => {
    expect(await readTagNamesById(search, alias, [TAGS.haftar.id, TAGS.energy.id])).toEqual(
      new Map([
        [TAGS.haftar.id, TAGS.haftar.name],
        [TAGS.energy.id, TAGS.energy.name],
      ]),
    );
  });
});
