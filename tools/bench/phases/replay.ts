import type { BenchStack } from '../bench-stack';
import { registerPushSource } from '../bench-stack';
import type { BenchStory } from '../corpus';
import { PipelineProbe, searchableCount, totalCount } from '../pipeline-probe';
import { progressBar } from '../progress';
import { round, runPool, sleep } from '../stats';

export interface ReplayOptions {
  /** Items per `POST /v1/ingest/batch`. */
  batchSize: number;
  /** Batch requests in flight at once. */
  concurrency: number;
  timeoutSeconds: number;
}

export interface StageSample {
  t: number;
  accepted: number;
  relayed: number;
  enriched: number;
  /** Events the enricher produced on the enriched topic (one per story version). */
  enrichedProduced: number;
  indexed: number;
  searchable: number;
}

export interface ReplayResult {
  source: string;
  pushed: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  batchSize: number;
  concurrency: number;
  /** First request sent to the last batch answered. */
  ingestSeconds: number;
  /** First request sent to every accepted story countable in the engine. */
  searchableSeconds: number | null;
  ingestRate: number;
  /** Stories per second, end to end: the throughput figure. */
  pipelineRate: number | null;
  /** Count on the alias after a forced refresh, for this source and in total. */
  engineCount: number;
  aliasTotal: number;
  spotChecks: { checked: number; found: number; misses: string[] };
  /** Seconds from the first request until each stage had handled every accepted story. */
  stageDoneSeconds: Record<'ingest' | 'relay' | 'enrich' | 'index' | 'searchable', number | null>;
  timeline: StageSample[];
  complete: boolean;
}

interface BatchAnswer {
  items?: { status: string; results?: { status: string }[] }[];
}

/**
 * Throughput: every story through batch ingest, PostgreSQL, the outbox relay, Kafka, the
 * enricher and the indexer, until the engine counts every accepted story.
 */
export async function runReplay(
  stack: BenchStack,
  stories: BenchStory[],
  options: ReplayOptions,
  log: (line: string) => void,
): Promise<ReplayResult> {
  const source = 'bench-replay';
  const apiKey = await registerPushSource(stack, source);
  const batches: string[] = [];
  for (let i = 0; i < stories.length; i += options.batchSize) {
    batches.push(
      JSON.stringify({
        items: stories.slice(i, i + options.batchSize).map((s) => ({ content: s.ninjs })),
      }),
    );
  }
  const probe = new PipelineProbe(stack.brokers);
  await probe.connect();
  await probe.markStart();

  const counts = { accepted: 0, duplicates: 0, rejected: 0 };
  const bar = progressBar('throughput', stories.length, 'searchable');
  const timeline: StageSample[] = [];
  const startedAt = performance.now();
  const elapsed = (): number => (performance.now() - startedAt) / 1000;
  let ingestSeconds = 0;
  const pushing = runPool(batches, options.concurrency, async (body) => {
    const response = await postWithRetry(stack.url('ingest', '/v1/ingest/batch'), apiKey, body);
    const answer = (await response.json()) as BatchAnswer;
    for (const item of answer.items ?? []) {
      if (item.status !== 'ok') counts.rejected += 1;
      for (const result of item.results ?? []) {
        if (result.status === 'accepted') counts.accepted += 1;
        else counts.duplicates += 1;
      }
    }
  }).then(() => {
    ingestSeconds = elapsed();
  });

  let pushed = false;
  void pushing.then(() => (pushed = true));
  let searchableSeconds: number | null = null;
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  try {
    while (Date.now() < deadline) {
      await sleep(250);
      const [searchable, stages] = await Promise.all([searchableCount(source), probe.stages()]);
      const sample = { t: round(elapsed(), 2), accepted: counts.accepted, ...stages, searchable };
      timeline.push(sample);
      bar.update(
        searchable,
        `ingested ${counts.accepted} relayed ${stages.relayed} enriched ${stages.enriched} indexed ${stages.indexed}`,
      );
      if (pushed && searchable >= counts.accepted) {
        searchableSeconds = sample.t;
        break;
      }
    }
    await pushing;
  } finally {
    bar.stop();
    await probe.close();
  }
  if (searchableSeconds === null)
    log(`throughput: not every story was searchable after ${options.timeoutSeconds}s`);

  const engineCount = await searchableCount(source, true);
  const spotChecks = await spotCheck(stack, stories, source);
  return {
    source,
    pushed: stories.length,
    ...counts,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    ingestSeconds: round(ingestSeconds, 2),
    searchableSeconds,
    ingestRate: round(counts.accepted / ingestSeconds, 1),
    pipelineRate: searchableSeconds ? round(counts.accepted / searchableSeconds, 1) : null,
    engineCount,
    aliasTotal: await totalCount(),
    spotChecks,
    stageDoneSeconds: stageDoneSeconds(timeline, counts.accepted),
    timeline: thin(timeline, 2),
    complete: searchableSeconds !== null && engineCount === counts.accepted,
  };
}

async function postWithRetry(url: string, apiKey: string, body: string): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body,
    });
    // 503 means PostgreSQL was briefly unavailable: what a well-behaved pusher retries.
    if (response.status !== 503 || attempt >= 5) {
      if (response.status !== 202 && response.status !== 200)
        throw new Error(`batch push answered ${response.status}: ${await response.text()}`);
      return response;
    }
    await sleep(1000 * attempt);
  }
}

/**
 * When each stage had handled every story, from the sampled counters: the stage after which the
 * gap widens is the one that bounds the pipeline.
 */
function stageDoneSeconds(
  timeline: StageSample[],
  accepted: number,
): ReplayResult['stageDoneSeconds'] {
  const doneAt = (pick: (s: StageSample) => number, total: number): number | null =>
    timeline.find((s) => pick(s) >= total)?.t ?? null;
  // The indexer is done once it caught up with all the enricher produced.
  const enrichedTotal = timeline[timeline.length - 1]?.enrichedProduced ?? accepted;
  return {
    ingest: doneAt((s) => s.accepted, accepted),
    relay: doneAt((s) => s.relayed, accepted),
    enrich: doneAt((s) => s.enriched, accepted),
    index: doneAt((s) => s.indexed, Math.max(accepted, enrichedTotal)),
    searchable: doneAt((s) => s.searchable, accepted),
  };
}

/** Keeps one sample per `seconds`, so the JSON stays readable. */
function thin(timeline: StageSample[], seconds: number): StageSample[] {
  let next = 0;
  return timeline.filter((sample, i) => {
    if (sample.t < next && i !== timeline.length - 1) return false;
    next = sample.t + seconds;
    return true;
  });
}

/** A few stories found through the public search API by a phrase of their headline. */
async function spotCheck(
  stack: BenchStack,
  stories: BenchStory[],
  source: string,
): Promise<ReplayResult['spotChecks']> {
  const candidates = stories.filter((s) => phraseOf(s.headline) !== '');
  const picked = Array.from(
    { length: Math.min(20, candidates.length) },
    (_, i) => candidates[Math.floor((i * candidates.length) / 20)],
  );
  const misses: string[] = [];
  for (const story of picked) {
    const params = new URLSearchParams({
      q: `"${phraseOf(story.headline)}"`,
      source,
      collapse: 'false',
      size: '100',
    });
    const response = await fetch(stack.url('api', `/v1/search?${params.toString()}`));
    const body = (await response.json()) as { items?: { uri: string }[] };
    if (!body.items?.some((item) => item.uri === story.uri)) misses.push(story.uri);
  }
  return { checked: picked.length, found: picked.length - misses.length, misses };
}

/**
 * Up to six consecutive plain words of a headline: words of letters only, so that neither the
 * query syntax (operators, field prefixes) nor the analyser (possessives, "GENM.J", "10.2")
 * splits the phrase differently from the indexed text. Empty when no three such words follow.
 */
export function phraseOf(headline: string): string {
  let run: string[] = [];
  for (const word of headline.split(/\s+/)) {
    if (/^[A-Za-z]+$/.test(word) && !['OR', 'AND', 'NOT'].includes(word)) {
      run.push(word);
      if (run.length === 6) break;
    } else if (run.length >= 3) break;
    else run = [];
  }
  return run.length >= 3 ? run.join(' ') : '';
}
