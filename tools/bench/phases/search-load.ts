import type { ReutersDocument } from '../../../libs/enrichment/src/corpus/reuters-reader';
import { BENCH, type BenchStack } from '../bench-stack';
import { progressBar } from '../progress';
import { jitSharePercent as jitShare, jvmTicks } from '../resources';
import {
  bucketQuantiles,
  parseHistogram,
  parseTotals,
  scrapeText,
  totalsDelta,
} from '../service-metrics';
import { round, sleep, summarise, type LatencySummary } from '../stats';
import { warmUpDone } from '../warm-up';

export interface SearchOptions {
  rate: number;
  seconds: number;
}

export interface SearchWarmUp {
  queries: number;
  seconds: number;
  /** Answered with anything but 200 (the api refusing while busy, say). */
  notAnswered: number;
  /** The engine's JIT compiler threads' share of its CPU in the last round, in per cent. */
  jitSharePercent: number | null;
  /** Whether the warm-up ended because the JIT had settled, not at its query cap. */
  settled: boolean;
}

export interface WarmUpOptions {
  /** Searches sent at least, whatever the JIT does. */
  minQueries: number;
  /** Searches sent at most, settled or not. */
  maxQueries: number;
  /** The engine's JVM, whose JIT is watched; without it the warm-up is `minQueries` long. */
  enginePid: number | undefined;
}

/** Queries in flight during the warm-up: enough to keep the engine's search threads busy. */
const WARM_UP_CONCURRENCY = 4;
/** Another plan than the measured one, so nothing the warm-up cached is asked again. */
const WARM_UP_SEED = 7;
/** Searches between two looks at the JIT. */
const WARM_UP_ROUND = 500;

/**
 * Searches the measured phase will not send, back to back, before it: the engine's search code
 * is compiled and its caches filled as on a node that has been serving searches. A newly
 * started engine needs the first several thousand searches at up to twice the CPU (measured on
 * the Reuters index: ~50 ms of engine CPU per search at first, ~23 ms after 8,000), most of the
 * difference being its JIT compiler, which on two cores took 30–40 % of the engine's CPU through
 * a 4,000-search warm-up and the first 40 s of the measured phase after it. So the warm-up goes
 * on, past `minQueries`, until a round of searches costs the JIT less than 5 % of the engine's
 * CPU, or `maxQueries` were sent.
 */
export async function warmUpSearch(
  stack: BenchStack,
  corpus: ReutersDocument[],
  options: WarmUpOptions,
): Promise<SearchWarmUp> {
  const plan = await planQueries(corpus, options.maxQueries, WARM_UP_SEED);
  const bar = progressBar('warm-up', options.minQueries, 'queries');
  const t0 = performance.now();
  let sent = 0;
  let done = 0;
  let notAnswered = 0;
  let jitSharePercent: number | null = null;
  let settled = false;
  const send = async (count: number): Promise<void> => {
    const end = Math.min(plan.length, sent + count);
    await Promise.all(
      Array.from({ length: WARM_UP_CONCURRENCY }, async () => {
        while (sent < end) {
          const { params } = plan[sent++];
          const response = await fetch(stack.url('api', `/v1/search?${params.toString()}`));
          await response.arrayBuffer();
          if (response.status !== 200) notAnswered += 1;
          done += 1;
          bar.update(
            Math.min(done, options.minQueries),
            jitSharePercent === null ? '' : `JIT ${jitSharePercent}% of the engine`,
          );
        }
      }),
    );
  };
  for (;;) {
    const before = jvmTicks(options.enginePid);
    await send(WARM_UP_ROUND);
    jitSharePercent = jitShare(before, jvmTicks(options.enginePid));
    const verdict = warmUpDone(sent, jitSharePercent, {
      min: options.minQueries,
      max: options.maxQueries,
    });
    settled = verdict.settled;
    if (verdict.done || sent >= plan.length) break;
  }
  bar.stop();
  // The warm-up is for the engine's code paths, not its answers: the measured plan starts with
  // an empty request cache, so its hits are repeats within the plan itself.
  await fetch(`${BENCH.esNode}/${BENCH.alias}/_cache/clear?request=true`, { method: 'POST' });
  return {
    queries: sent,
    seconds: round((performance.now() - t0) / 1000, 1),
    notAnswered,
    jitSharePercent,
    settled,
  };
}

export type QueryKind =
  'terms' | 'phrase' | 'terms+filter' | 'filter+newest' | 'boolean' | 'terms+dates';

export interface SearchResult {
  rate: number;
  seconds: number;
  queries: number;
  errors: number;
  achievedRate: number;
  /** From the moment a query was due (open loop) to its whole answer read. */
  latency: LatencySummary;
  /** The same per `windowSeconds` of the phase, by when queries were due: shows a warming engine. */
  windows: LatencyWindow[];
  windowSeconds: number;
  byKind: Record<string, LatencySummary>;
  /** Share of queries that found at least one story. */
  withHitsPercent: number;
  examples: string[];
  /** The api's own figures for the phase's searches: where the time outside the harness went. */
  inApi: ApiSearchFigures;
}

export interface ApiSearchFigures {
  /** Upper bounds (s) of the buckets holding the api's answer-time quantiles. */
  answered: { count: number; bounds: Record<string, number | null> };
  /** Engine requests by operation: how many per search, and their mean wait. */
  engine: Record<string, { perSearch: number; meanMs: number }>;
}

const REQUEST_METRIC = 'newswire_api_request_duration_seconds';
const ENGINE_METRIC = 'newswire_api_engine_seconds';
const SEARCH_ROUTE = 'route="/v1/search"';

export interface LatencyWindow {
  fromSecond: number;
  count: number;
  p50: number;
  p99: number;
}

/** Seconds of the search phase each latency window covers. */
const WINDOW_SECONDS = 15;

/** Latency samples (due second, ms) grouped into consecutive windows of `seconds`. */
export function latencyWindows(
  samples: readonly { dueSecond: number; ms: number }[],
  seconds: number,
): LatencyWindow[] {
  const groups = new Map<number, number[]>();
  for (const { dueSecond, ms } of samples) {
    const start = Math.floor(dueSecond / seconds) * seconds;
    const group = groups.get(start);
    if (group) group.push(ms);
    else groups.set(start, [ms]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fromSecond, values]) => {
      const { count, p50, p99 } = summarise(values);
      return { fromSecond, count, p50, p99 };
    });
}

interface PlannedQuery {
  kind: QueryKind;
  params: URLSearchParams;
}

const STOPWORDS = new Set(
  'the and for with from that this into over after says said will year about than march april first second third quarter sees rise rises'.split(
    ' ',
  ),
);

/**
 * Queries a newsroom would type against the full corpus, at a fixed rate (open loop: a slow
 * answer does not hold back the next query, so queueing shows up in the latency).
 */
export async function runSearchLoad(
  stack: BenchStack,
  corpus: ReutersDocument[],
  options: SearchOptions,
  log: (line: string) => void,
): Promise<SearchResult> {
  const plan = await planQueries(corpus, Math.round(options.rate * options.seconds));
  const apiMetrics = stack.url('api', '/metrics');
  const metricsBefore = await scrapeText(apiMetrics);
  const samples: { kind: QueryKind; dueSecond: number; ms: number; hits: boolean }[] = [];
  let errors = 0;
  const bar = progressBar('search', plan.length, 'queries');
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const [i, query] of plan.entries()) {
    const due = t0 + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      fetch(stack.url('api', `/v1/search?${query.params.toString()}`))
        .then(async (response) => {
          const body = (await response.json()) as { total?: number };
          if (response.status !== 200)
            throw new Error(
              `search answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`,
            );
          samples.push({
            kind: query.kind,
            dueSecond: (due - t0) / 1000,
            ms: performance.now() - due,
            hits: (body.total ?? 0) > 0,
          });
          bar.update(
            samples.length,
            `p50 ${summarise(samples.slice(-200).map((s) => s.ms)).p50} ms`,
          );
        })
        .catch((error: unknown) => {
          errors += 1;
          if (errors <= 5) log(`search failed: ${String(error)}`);
        }),
    );
  }
  const achievedRate = round(plan.length / ((performance.now() - t0) / 1000), 1);
  await Promise.all(inFlight);
  bar.stop();
  const metricsAfter = await scrapeText(apiMetrics);
  const answered = bucketQuantiles(
    parseHistogram(metricsBefore, REQUEST_METRIC, SEARCH_ROUTE),
    parseHistogram(metricsAfter, REQUEST_METRIC, SEARCH_ROUTE),
    [0.5, 0.95, 0.99],
  );
  const engine = Object.fromEntries(
    Object.entries(
      totalsDelta(
        parseTotals(metricsBefore, ENGINE_METRIC, 'operation'),
        parseTotals(metricsAfter, ENGINE_METRIC, 'operation'),
      ),
    ).map(([operation, { requests, meanMs }]) => [
      operation,
      { perSearch: round(requests / Math.max(1, answered.count), 2), meanMs },
    ]),
  );
  const kinds = [...new Set(plan.map((q) => q.kind))];
  return {
    rate: options.rate,
    seconds: options.seconds,
    queries: plan.length,
    errors,
    achievedRate,
    latency: summarise(samples.map((s) => s.ms)),
    windows: latencyWindows(samples, WINDOW_SECONDS),
    windowSeconds: WINDOW_SECONDS,
    byKind: Object.fromEntries(
      kinds.map((kind) => [
        kind,
        summarise(samples.filter((s) => s.kind === kind).map((s) => s.ms)),
      ]),
    ),
    withHitsPercent: round(
      (100 * samples.filter((s) => s.hits).length) / Math.max(1, samples.length),
      0,
    ),
    examples: kinds.map(
      (kind) => `/v1/search?${plan.find((q) => q.kind === kind)?.params.toString() ?? ''}`,
    ),
    inApi: { answered, engine },
  };
}

/**
 * A deterministic mix: frequent headline words and word pairs from the corpus, and the tag ids
 * the enricher actually assigned (read from the index), so filters and facets have work to do.
 */
async function planQueries(
  corpus: ReutersDocument[],
  count: number,
  seed = 42,
): Promise<PlannedQuery[]> {
  const words = frequent(
    corpus.map((d) => headlineWords(d.title)),
    400,
  );
  const pairs = frequent(
    corpus.map((d) => {
      const w = headlineWords(d.title);
      return w.slice(1).map((word, i) => `${w[i]} ${word}`);
    }),
    200,
  );
  const tags = await frequentTags();
  // A small LCG: the same plan on every run, so two runs compare like for like.
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const filter = (): [string, string] => {
    const [name, ids] = pick(Object.entries(tags).filter(([, ids]) => ids.length > 0));
    return [name, pick(ids)];
  };
  const kinds: QueryKind[] = [
    'terms',
    'terms',
    'terms',
    'phrase',
    'phrase',
    'terms+filter',
    'terms+filter',
    'filter+newest',
    'boolean',
    'terms+dates',
  ];
  return Array.from({ length: count }, (_, i): PlannedQuery => {
    const kind = kinds[i % kinds.length];
    const params = new URLSearchParams();
    switch (kind) {
      case 'terms':
        params.set('q', random() < 0.5 ? pick(words) : `${pick(words)} ${pick(words)}`);
        break;
      case 'phrase':
        params.set('q', `"${pick(pairs)}"`);
        break;
      case 'terms+filter': {
        params.set('q', pick(words));
        const [name, id] = filter();
        params.set(name, id);
        break;
      }
      case 'filter+newest': {
        const [name, id] = filter();
        params.set(name, id);
        params.set('sort', 'newest');
        break;
      }
      case 'boolean':
        params.set('q', `(${pick(words)} OR ${pick(words)}) -${pick(words)}`);
        break;
      case 'terms+dates': {
        const day = 1 + Math.floor(random() * 20);
        params.set('q', pick(words));
        params.set('from', `1987-03-${String(day).padStart(2, '0')}`);
        params.set('to', `1987-04-${String(day).padStart(2, '0')}`);
        break;
      }
    }
    return { kind, params };
  });
}

function headlineWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

function frequent(lists: string[][], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const item of new Set(list)) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([item]) => item);
}

/** The most used tag ids of each kind in the bench index, by the api's filter names. */
async function frequentTags(): Promise<Record<'topic' | 'place' | 'org' | 'person', string[]>> {
  const fields = {
    topic: 'facets.topic',
    place: 'facets.place',
    org: 'facets.organisation',
    person: 'facets.person',
  } as const;
  const response = await fetch(`${BENCH.esNode}/${BENCH.alias}/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      size: 0,
      aggs: Object.fromEntries(
        Object.entries(fields).map(([name, field]) => [name, { terms: { field, size: 30 } }]),
      ),
    }),
  });
  const body = (await response.json()) as {
    aggregations?: Record<string, { buckets: { key: string }[] }>;
  };
  const ids = (name: string): string[] =>
    body.aggregations?.[name]?.buckets.map((b) => b.key) ?? [];
  return { topic: ids('topic'), place: ids('place'), org: ids('org'), person: ids('person') };
}
