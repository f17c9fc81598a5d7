/**
 * Each service's V8 old-space limit in MB. Left to itself V8 lets the heap grow to several times
 * the live set before collecting, and RSS follows; a limit a little above what the largest
 * accepted input needs keeps RSS near the working set (docs/benchmarks.md, "What bounds memory").
 * Ingest's is sized for one push of `INGEST_BATCH_MAX_BYTES` at a time, which its push budget
 * guarantees; the enricher's for its window of recent stories (`ENRICHMENT_RELATED_WINDOW`,
 * 25,000 by default, about 1.2 KB each) beside its gazetteer and topic model (~60 MB) and the
 * slice it works on (at most `KAFKA_CONSUMER_MAX_BATCH_BYTES` of events, each story read to
 * `ENRICHMENT_MAX_TEXT_CHARS`: a backlog of 2 MB stories fits). npm start, the tests and the bench launch with these; docker-compose.yml and the
 * k8s ConfigMaps set the same values in NODE_OPTIONS (checked by test/deploy).
 */
export const HEAP_LIMIT_MB = {
  ingest: 192,
  enricher: 128,
  indexer: 128,
  api: 128,
} as const;

/** A service of `SERVICE_NAMES` (services.ts), named here without importing it. */
type Service = keyof typeof HEAP_LIMIT_MB;

/** The node option for a service's heap limit. */
export function heapLimitOption(name: Service): string {
  return `--max-old-space-size=${HEAP_LIMIT_MB[name]}`;
}

/** Command-line flags for launching a service: the heap limit, unless NODE_OPTIONS sets one. */
export function heapLimitArgs(name: Service, env: NodeJS.ProcessEnv): string[] {
  return env.NODE_OPTIONS?.includes('--max-old-space-size') ? [] : [heapLimitOption(name)];
}

/**
 * glibc's malloc arenas: by default up to eight per core, each keeping its own freed memory, and
 * Buffers (Kafka fetches, engine answers) are malloc'd from whichever thread asks. Two arenas cost
 * the enricher ~20 MB less peak RSS over a 3,000-story replay (201/192 → 178/175 MB) for a few
 * per cent of its CPU. Every launcher sets it: here, and the image (Dockerfile) for compose and k8s.
 */
export const MALLOC_ARENA_MAX = '2';

/** A service's environment: the caller's, with the arena bound unless the caller sets one. */
export function serviceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX, ...env };
}
