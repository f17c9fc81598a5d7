import type { Enrichment, Provenance } from '@lib/contracts';
import {
  documentIdFor,
  storiesIndexDefinition,
  toSearchDocument,
  type StorySearchDocument,
} from '@lib/search';
import { parseWire } from '@lib/wire-formats';
import { BENCH } from '../bench-stack';
import type { BenchStory } from '../corpus';
import { progressBar } from '../progress';
import { round, runPool } from '../stats';

export interface BulkConfig {
  docs: number;
  concurrency: number;
  /** `async` fsyncs the translog every 5 s instead of per request: allowed for a load that can be redone. */
  durability: 'request' | 'async';
}

export interface SweepPoint extends BulkConfig {
  docsPerSecond: number;
  requestMb: number;
}

export interface DirectResult {
  documents: number;
  /** Documents written over the whole phase (warm-up, sweep and full load), for CPU per document. */
  documentsLoaded: number;
  /** Documents that carried the pipeline's own tags, cluster and related links. */
  withPipelineEnrichment: number;
  sweep: SweepPoint[];
  best: BulkConfig;
  requestMb: number;
  /** First bulk request to every document searchable (refresh re-enabled and done). */
  seconds: number;
  docsPerSecond: number;
  count: number;
  settings: Record<string, string | number | boolean>;
}

const LOAD_SETTINGS = {
  refresh_interval: '-1',
  number_of_replicas: 0,
  auto_expand_replicas: false,
} as const;

/**
 * The engine's own limit for these documents: the same stories mapped by `toSearchDocument`
 * (with the enrichment the pipeline gave them, so every document is the same size), sent as
 * pre-built bulk bodies straight to a scratch index with refresh off and no replica. A short
 * sweep over request size and concurrency picks the settings for the full load.
 */
export async function runDirectLoad(
  stories: BenchStory[],
  options: { sweepDocs: number },
  log: (line: string) => void,
): Promise<DirectResult> {
  const enrichment = await pipelineEnrichment();
  const receivedAt = new Date();
  const documents = stories.map((story) =>
    benchDocument(story, enrichment.get(story.uri), receivedAt),
  );
  const sample = documents.slice(0, Math.min(options.sweepDocs, documents.length));

  const candidates: BulkConfig[] = [
    { docs: 250, concurrency: 2, durability: 'async' },
    { docs: 500, concurrency: 1, durability: 'async' },
    { docs: 500, concurrency: 2, durability: 'async' },
    { docs: 1000, concurrency: 2, durability: 'async' },
    { docs: 2000, concurrency: 2, durability: 'async' },
    { docs: 1000, concurrency: 3, durability: 'async' },
    { docs: 1000, concurrency: 2, durability: 'request' },
  ];
  const bar = progressBar('direct', candidates.length + 1, 'loads');
  // A throw-away load first, so the first measured point does not pay for cold caches.
  await loadScratch(sample, candidates[2], 'warmup');
  const sweep: SweepPoint[] = [];
  for (const [i, config] of candidates.entries()) {
    const result = await loadScratch(sample, config, `sweep-${i}`);
    sweep.push({
      ...config,
      docsPerSecond: round(sample.length / result.seconds, 0),
      requestMb: result.requestMb,
    });
    bar.update(
      i + 1,
      `${config.docs} docs x${config.concurrency} ${config.durability}: ${round(sample.length / result.seconds, 0)} docs/s`,
    );
  }
  const bestPoint = sweep.reduce((a, b) => (b.docsPerSecond > a.docsPerSecond ? b : a));
  const best: BulkConfig = {
    docs: bestPoint.docs,
    concurrency: bestPoint.concurrency,
    durability: bestPoint.durability,
  };
  const full = await loadScratch(documents, best, 'full', true);
  bar.update(
    candidates.length + 1,
    `full load ${round(documents.length / full.seconds, 0)} docs/s`,
  );
  bar.stop();
  if (full.count !== documents.length)
    log(`direct load: ${full.count} of ${documents.length} documents counted`);
  return {
    documents: documents.length,
    withPipelineEnrichment: stories.filter((s) => enrichment.has(s.uri)).length,
    sweep,
    best,
    requestMb: full.requestMb,
    seconds: round(full.seconds, 2),
    docsPerSecond: round(documents.length / full.seconds, 1),
    documentsLoaded: sample.length * (candidates.length + 1) + documents.length,
    count: full.count,
    settings: {
      ...LOAD_SETTINGS,
      'translog.durability': best.durability,
      'after load': 'refresh_interval 1s, then _refresh',
    },
  };
}

export interface IndexDocument {
  id: string;
  source: StorySearchDocument;
}

/** A replayed story as the direct load indexes it: mapped as the indexer maps it. */
export function benchDocument(
  story: BenchStory,
  enrichment: Enrichment | undefined,
  receivedAt: Date,
): IndexDocument {
  const [canonical] = parseWire(
    Buffer.from(story.ninjs),
    { format: 'ninjs', provider: 'Reuters' },
    { receivedAt },
  ).stories;
  const provenance: Provenance = {
    source: 'bench-direct',
    format: 'ninjs',
    receivedAt: receivedAt.toISOString(),
    rawPayloadId: '0',
    transport: 'http',
  };
  return {
    id: documentIdFor(canonical.uri),
    source: toSearchDocument(
      { story: canonical, provenance, enrichment: enrichment ?? { tags: [], related: [] } },
      receivedAt,
    ),
  };
}

/** One load into a fresh scratch index; the index is deleted again unless it is the full one. */
export async function loadScratch(
  documents: IndexDocument[],
  config: BulkConfig,
  name: string,
  keep = false,
): Promise<{ seconds: number; requestMb: number; count: number }> {
  const index = `${BENCH.directIndexPrefix}-${name}`;
  await es('DELETE', `/${index}?ignore_unavailable=true`);
  const { settings, mappings } = storiesIndexDefinition();
  const indexSettings = {
    ...settings,
    index: { ...settings.index, ...LOAD_SETTINGS, translog: { durability: config.durability } },
  };
  await es('PUT', `/${index}`, { settings: indexSettings, mappings });
  // Bodies are built before the clock starts: the engine's time is what is measured.
  const bodies: string[] = [];
  for (let i = 0; i < documents.length; i += config.docs) {
    bodies.push(
      documents
        .slice(i, i + config.docs)
        .map(
          (d) =>
            `${JSON.stringify({ index: { _index: index, _id: d.id, version: 1, version_type: 'external' } })}\n${JSON.stringify(d.source)}\n`,
        )
        .join(''),
    );
  }
  const requestMb = round(
    bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / bodies.length / 1024 ** 2,
    2,
  );
  const startedAt = performance.now();
  await runPool(bodies, config.concurrency, async (body) => {
    const response = await fetch(`${BENCH.esNode}/_bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    const answer = (await response.json()) as {
      errors?: boolean;
      items?: Record<string, { status: number; error?: { reason?: string } }>[];
    };
    if (!response.ok || answer.errors) {
      const failed = answer.items
        ?.map((item) => Object.values(item)[0])
        .find((item) => item && item.status >= 300);
      throw new Error(
        `bulk into ${index} failed: ${response.status} ${failed?.error?.reason ?? ''}`,
      );
    }
  });
  await es('PUT', `/${index}/_settings`, { index: { refresh_interval: '1s' } });
  await es('POST', `/${index}/_refresh`);
  const seconds = (performance.now() - startedAt) / 1000;
  const count = ((await es('GET', `/${index}/_count`)) as { count?: number }).count ?? 0;
  if (!keep) await es('DELETE', `/${index}`);
  return { seconds, requestMb, count };
}

export async function deleteDirectIndexes(): Promise<void> {
  await es('DELETE', `/${BENCH.directIndexPrefix}-*?ignore_unavailable=true&allow_no_indices=true`);
}

/** Tags, cluster and related links the pipeline indexed, by uri. */
async function pipelineEnrichment(): Promise<Map<string, Enrichment>> {
  const found = new Map<string, Enrichment>();
  type Hit = {
    _source: Pick<StorySearchDocument, 'uri' | 'tags' | 'related' | 'cluster' | 'simhash'>;
  };
  let page = (await es('POST', `/${BENCH.alias}/_search?scroll=1m`, {
    size: 2000,
    _source: ['uri', 'tags', 'related', 'cluster', 'simhash'],
    query: { match_all: {} },
  })) as { _scroll_id?: string; hits?: { hits: Hit[] } };
  while (page.hits && page.hits.hits.length > 0) {
    for (const { _source: s } of page.hits.hits)
      found.set(s.uri, {
        tags: s.tags,
        related: s.related,
        cluster: s.cluster,
        signature: s.simhash,
      });
    page = (await es('POST', '/_search/scroll', {
      scroll: '1m',
      scroll_id: page._scroll_id,
    })) as typeof page;
  }
  if (page._scroll_id) await es('DELETE', '/_search/scroll', { scroll_id: page._scroll_id });
  return found;
}

async function es(method: string, path: string, body?: object): Promise<unknown> {
  const response = await fetch(`${BENCH.esNode}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok && response.status !== 404)
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : {};
}
