import { BENCH } from './bench-stack';
import { round } from './stats';

/** What the engine itself reports for the bench index over one phase. */
export interface EngineStats {
  indexOps: number;
  indexMsPerOp: number;
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
  /** Open search contexts (points in time, scrolls) at the end of the phase. */
  openContexts: number;
  /** Shard requests answered from the engine's request cache, and those that ran the query. */
  requestCacheHits: number;
  requestCacheMisses: number;
}

interface RawStats {
  indexing?: { index_total: number; index_time_in_millis: number };
  search?: {
    query_total: number;
    query_time_in_millis: number;
    fetch_total: number;
    fetch_time_in_millis: number;
    open_contexts: number;
  };
  refresh?: { total: number; total_time_in_millis: number };
  merges?: { total_time_in_millis: number; total_docs: number; total_size_in_bytes: number };
  request_cache?: { hit_count: number; miss_count: number };
}

export async function engineSnapshot(): Promise<RawStats> {
  const response = await fetch(
    `${BENCH.esNode}/${BENCH.alias}/_stats/search,indexing,refresh,merge,request_cache`,
  );
  if (!response.ok) return {};
  const body = (await response.json()) as { _all?: { total?: RawStats } };
  return body._all?.total ?? {};
}

export function engineDelta(before: RawStats, after: RawStats): EngineStats {
  const diff = (pick: (s: RawStats) => number | undefined): number =>
    (pick(after) ?? 0) - (pick(before) ?? 0);
  const indexOps = diff((s) => s.indexing?.index_total);
  const queries = diff((s) => s.search?.query_total);
  const fetches = diff((s) => s.search?.fetch_total);
  return {
    indexOps,
    indexMsPerOp: indexOps ? round(diff((s) => s.indexing?.index_time_in_millis) / indexOps, 2) : 0,
    queries,
    queryMsPerQuery: queries ? round(diff((s) => s.search?.query_time_in_millis) / queries, 2) : 0,
    fetchMsPerQuery: fetches ? round(diff((s) => s.search?.fetch_time_in_millis) / fetches, 2) : 0,
    refreshes: diff((s) => s.refresh?.total),
    refreshSeconds: round(diff((s) => s.refresh?.total_time_in_millis) / 1000, 1),
    mergeSeconds: round(diff((s) => s.merges?.total_time_in_millis) / 1000, 1),
    mergedMb: round(diff((s) => s.merges?.total_size_in_bytes) / 2 ** 20, 1),
    mergedDocs: diff((s) => s.merges?.total_docs),
    openContexts: after.search?.open_contexts ?? 0,
    requestCacheHits: diff((s) => s.request_cache?.hit_count),
    requestCacheMisses: diff((s) => s.request_cache?.miss_count),
  };
}
