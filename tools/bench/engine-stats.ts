import { tagNamesIndexFor } from '@lib/search';
import { BENCH } from './bench-stack';
import { round } from './stats';

/** What the engine itself reports for the bench index over one phase. */
export interface EngineStats {
  indexOps: number;
  indexMsPerOp: number;
  /** Time indexing was held to one thread because merges fell behind. */
  indexThrottledSeconds: number;
  queries: number;
  queryMsPerQuery: number;
  fetchMsPerQuery: number;
  refreshes: number;
  refreshSeconds: number;
  /** Wall time of merges, including the time they were throttled. */
  mergeSeconds: number;
  /** What merges rewrote: divided by what was indexed, the write amplification. */
  mergedMb: number;
  mergedDocs: number;
  /** Of `mergeSeconds`, the time merges were held back by the engine's I/O throttle. */
  mergeThrottledSeconds: number;
  /** Merges still running at the end of the phase: debt the next phase pays. */
  mergesRunning: number;
  /** Lucene commits (each fsyncs the segments written since the last) and their time. */
  flushes: number;
  flushSeconds: number;
  /** Segments of the index at the end of the phase. */
  segments: number;
  /** Open search contexts (points in time, scrolls) at the end of the phase. */
  openContexts: number;
  /** Shard requests answered from the engine's request cache, and those that ran the query. */
  requestCacheHits: number;
  requestCacheMisses: number;
  /** The side index the indexer keeps (tag names): writes, realtime reads, refreshes. */
  sideIndexOps: number;
  sideGets: number;
  sideRefreshes: number;
}

interface RawStats {
  indexing?: { index_total: number; index_time_in_millis: number; throttle_time_in_millis: number };
  search?: {
    query_total: number;
    query_time_in_millis: number;
    fetch_total: number;
    fetch_time_in_millis: number;
    open_contexts: number;
  };
  refresh?: { total: number; total_time_in_millis: number };
  merges?: {
    current: number;
    total_time_in_millis: number;
    total_throttled_time_in_millis: number;
    total_docs: number;
    total_size_in_bytes: number;
  };
  flush?: { total: number; total_time_in_millis: number };
  segments?: { count: number };
  request_cache?: { hit_count: number; miss_count: number };
  get?: { total: number };
}

export interface EngineSnapshot {
  stories: RawStats;
  side: RawStats;
}

async function statsOf(indices: string, metrics: string): Promise<RawStats> {
  const response = await fetch(
    `${BENCH.esNode}/${indices}/_stats/${metrics}?ignore_unavailable=true`,
  );
  if (!response.ok) return {};
  const body = (await response.json()) as { _all?: { total?: RawStats } };
  return body._all?.total ?? {};
}

export async function engineSnapshot(): Promise<EngineSnapshot> {
  const [stories, side] = await Promise.all([
    statsOf(BENCH.alias, 'search,indexing,refresh,merge,flush,segments,request_cache'),
    statsOf(tagNamesIndexFor(BENCH.alias), 'indexing,get,refresh'),
  ]);
  return { stories, side };
}

/** How much a counter picked from the stats grew between two snapshots. */
function deltaOf(before: RawStats, after: RawStats) {
  return (pick: (s: RawStats) => number | undefined): number =>
    (pick(after) ?? 0) - (pick(before) ?? 0);
}

export function engineDelta(
  { stories: before, side: sideBefore }: EngineSnapshot,
  { stories: after, side: sideAfter }: EngineSnapshot,
): EngineStats {
  const diff = deltaOf(before, after);
  const sideDiff = deltaOf(sideBefore, sideAfter);
  const indexOps = diff((s) => s.indexing?.index_total);
  const queries = diff((s) => s.search?.query_total);
  const fetches = diff((s) => s.search?.fetch_total);
  return {
    indexOps,
    indexMsPerOp: indexOps ? round(diff((s) => s.indexing?.index_time_in_millis) / indexOps, 2) : 0,
    indexThrottledSeconds: round(diff((s) => s.indexing?.throttle_time_in_millis) / 1000, 1),
    queries,
    queryMsPerQuery: queries ? round(diff((s) => s.search?.query_time_in_millis) / queries, 2) : 0,
    fetchMsPerQuery: fetches ? round(diff((s) => s.search?.fetch_time_in_millis) / fetches, 2) : 0,
    refreshes: diff((s) => s.refresh?.total),
    refreshSeconds: round(diff((s) => s.refresh?.total_time_in_millis) / 1000, 1),
    mergeSeconds: round(diff((s) => s.merges?.total_time_in_millis) / 1000, 1),
    mergedMb: round(diff((s) => s.merges?.total_size_in_bytes) / 2 ** 20, 1),
    mergedDocs: diff((s) => s.merges?.total_docs),
    mergeThrottledSeconds: round(diff((s) => s.merges?.total_throttled_time_in_millis) / 1000, 1),
    mergesRunning: after.merges?.current ?? 0,
    flushes: diff((s) => s.flush?.total),
    flushSeconds: round(diff((s) => s.flush?.total_time_in_millis) / 1000, 1),
    segments: after.segments?.count ?? 0,
    openContexts: after.search?.open_contexts ?? 0,
    requestCacheHits: diff((s) => s.request_cache?.hit_count),
    requestCacheMisses: diff((s) => s.request_cache?.miss_count),
    sideIndexOps: sideDiff((s) => s.indexing?.index_total),
    sideGets: sideDiff((s) => s.get?.total),
    sideRefreshes: sideDiff((s) => s.refresh?.total),
  };
}
