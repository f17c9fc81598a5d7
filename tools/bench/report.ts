import type { DirectResult } from './phases/direct-load';
import type { FreshnessResult } from './phases/freshness';
import type { IndexingWarmUp } from './phases/indexing-warm-up';
import type { ReplayResult } from './phases/replay';
import type { SearchResult, SearchWarmUp } from './phases/search-load';
import type { EngineStats } from './engine-stats';
import type { MachineInfo, PhaseCpu, ProcessMemory } from './resources';
import type { LatencySummary } from './stats';
import type { ServiceProfile } from './service-profiles';

export interface TargetResult {
  target: string;
  value: string;
  met: boolean | null;
}

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  command: string;
  commit: string;
  machine: MachineInfo;
  corpus: {
    documents: number;
    stories: number;
    skippedEmpty: number;
    withoutDate: number;
    replayed: number;
  };
  settings: {
    kafka: string;
    pushBatchSize: number;
    pushConcurrency: number;
    /** `all` for every service, else by service name. */
    serviceOverrides: Record<string, Record<string, string>>;
    services: Record<string, string | number>;
    /** Each service's V8 heap limit unless `NODE_OPTIONS` in the overrides sets another. */
    heapLimitMb: Record<string, number>;
    /** `ES_JAVA_OPTS`: added to the search node's JVM options when the bench starts the node. */
    engineJavaOptions?: string;
  };
  throughput: ReplayResult | undefined;
  direct: DirectResult | undefined;
  /** Pipeline stories/s over direct bulk-load docs/s. */
  ratio: number | null;
  freshness: FreshnessResult | undefined;
  /** Unmeasured searches just before the search phase. */
  searchWarmUp: SearchWarmUp | undefined;
  /** Absent in reports written before the engine was warmed for the replay. */
  indexingWarmUp?: IndexingWarmUp;
  search: SearchResult | undefined;
  memory: ProcessMemory[];
  cpu: PhaseCpu[];
  /** The engine's own statistics for the bench index, per phase. */
  engine: Record<string, EngineStats>;
  /** CPU ms per story through the pipeline, per document loaded directly; by process and in total. */
  cpuPerItem: {
    pipelinePerStory: Record<string, number> | null;
    directPerDocument: Record<string, number> | null;
  };
  /** With `--cpu-prof`: each service's hottest functions, and where its profile was written. */
  profiles?: ServiceProfile[];
  targets: TargetResult[];
}

/** The issue's targets for this 2-core machine. */
export function evaluateTargets(report: BenchReport): TargetResult[] {
  const targets: TargetResult[] = [
    {
      target: 'pipeline throughput >= 0.5 x direct bulk load',
      value: report.ratio === null ? 'not measured' : `${report.ratio} x`,
      met: report.ratio === null ? null : report.ratio >= 0.5,
    },
    {
      target: 'freshness p99 <= 3 s',
      value: report.freshness ? `${report.freshness.latency.p99} ms` : 'not measured',
      met: report.freshness
        ? report.freshness.latency.p99 <= 3000 && report.freshness.notSeen === 0
        : null,
    },
    {
      target: 'search p99 <= 50 ms',
      value: report.search ? `${report.search.latency.p99} ms` : 'not measured',
      met: report.search ? report.search.latency.p99 <= 50 && report.search.errors === 0 : null,
    },
  ];
  for (const m of report.memory.filter((p) => p.kind === 'node')) {
    targets.push({
      target: `${m.name} peak RSS <= 250 MB`,
      value: `${m.peakRssMb} MB`,
      met: m.peakRssMb <= 250,
    });
  }
  return targets;
}

/** The human-readable summary printed without `--json`. */
export function renderReport(r: BenchReport): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`newswire bench, ${r.startedAt}, ${r.durationSeconds} s, commit ${r.commit}`);
  lines.push(
    `machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Linux ${m.kernel}, Node ${m.node}, load at start ${m.loadAverageAtStart.join(' ')}`,
  );
  lines.push(
    `corpus: ${r.corpus.documents} documents, ${r.corpus.skippedEmpty} skipped (no title, no body), ${r.corpus.replayed} replayed`,
  );
  lines.push(
    `kafka: ${r.settings.kafka}; push: batches of ${r.settings.pushBatchSize}, ${r.settings.pushConcurrency} in flight`,
  );
  lines.push(
    `service settings: ${Object.entries(r.settings.services)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  lines.push(
    `heap limits (MB): ${Object.entries(r.settings.heapLimitMb)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  if (r.settings.engineJavaOptions)
    lines.push(
      `ES_JAVA_OPTS (if the bench started the search node): ${r.settings.engineJavaOptions}`,
    );
  for (const [scope, values] of Object.entries(r.settings.serviceOverrides)) {
    const set = Object.entries(values).map(([k, v]) => `${k}=${v}`);
    if (set.length) lines.push(`  set for ${scope}: ${set.join(' ')}`);
  }
  lines.push('');
  const iw = r.indexingWarmUp;
  if (iw)
    lines.push(
      `index warm-up: ${iw.documents} documents into scratch indexes in ${iw.seconds} s (bulks of 250, 3 at a time), not measured; ` +
        jitVerdict(iw),
    );
  const t = r.throughput;
  if (t) {
    lines.push(
      `throughput: ${t.accepted} accepted (${t.duplicates} duplicate, ${t.rejected} rejected) of ${t.pushed} pushed`,
    );
    lines.push(
      `  ingest ${t.ingestRate} stories/s (${t.ingestSeconds} s); searchable after ${t.searchableSeconds ?? 'timeout'} s => ${t.pipelineRate ?? '-'} stories/s`,
    );
    const d = t.stageDoneSeconds;
    lines.push(
      `  every story done by: ingest ${d.ingest ?? '-'} s, relay ${d.relay ?? '-'} s, enrich ${d.enrich ?? '-'} s, index ${d.index ?? '-'} s, searchable ${d.searchable ?? '-'} s`,
    );
    lines.push(
      `  engine _count ${t.engineCount} (alias total ${t.aliasTotal}); spot checks via /v1/search ${t.spotChecks.found}/${t.spotChecks.checked}`,
    );
  }
  const d = r.direct;
  if (d) {
    lines.push(
      `direct bulk load: ${d.docsPerSecond} docs/s (${d.documents} docs in ${d.seconds} s, ${d.best.docs} docs/request (${d.requestMb} MB) x${d.best.concurrency}, translog ${d.best.durability})`,
    );
    lines.push(
      `  sweep: ${d.sweep.map((p) => `${p.docs}x${p.concurrency}/${p.durability} ${p.docsPerSecond}`).join(', ')}`,
    );
  }
  if (r.ratio !== null) lines.push(`pipeline / direct: ${r.ratio}`);
  const f = r.freshness;
  if (f) {
    lines.push(
      `freshness at ${f.rate}/s for ${f.seconds} s (${f.achievedRate}/s achieved, ${f.accepted} accepted, ${f.notSeen} never seen): ${latency(f.latency)}`,
    );
    lines.push(`  push to 202: ${latency(f.ingestLatency)}; search polled every ${f.pollMs} ms`);
    const w = f.acceptedToWritten;
    lines.push(
      `  indexer's own accepted-to-written histogram (n=${w.count}): ${Object.entries(w.bounds)
        .map(([q, b]) => `${q} <= ${b ?? '?'} s`)
        .join(', ')}`,
    );
  }
  const s = r.search;
  if (s) {
    const w = r.searchWarmUp;
    if (w)
      lines.push(
        `search warm-up: ${w.queries} queries in ${w.seconds} s, 4 at a time (${w.notAnswered} not answered), not measured; ` +
          jitVerdict(w),
      );
    lines.push(
      `search at ${s.rate}/s for ${s.seconds} s (${s.achievedRate}/s achieved, ${s.errors} errors, ${s.withHitsPercent}% with hits): ${latency(s.latency)}`,
    );
    lines.push(
      `  by ${s.windowSeconds} s windows (p50 / p99 ms): ${s.windows
        .map((w) => `${w.p50} / ${w.p99}`)
        .join(', ')}`,
    );
    for (const [kind, summary] of Object.entries(s.byKind))
      lines.push(`  ${kind.padEnd(14)} ${latency(summary)}`);
    // Reports written before the api measured itself have no such block.
    const inApi = s.inApi as SearchResult['inApi'] | undefined;
    if (inApi) {
      const { count, bounds } = inApi.answered;
      const bound = (q: string) => (bounds[q] === null ? '-' : `<= ${(bounds[q] ?? 0) * 1000} ms`);
      lines.push(
        `  inside the api (n=${count}): answered p50 ${bound('p50')}, p95 ${bound('p95')}, p99 ${bound('p99')}; engine requests per search: ` +
          Object.entries(inApi.engine)
            .map(([operation, e]) => `${operation} ${e.perSearch} x ${e.meanMs} ms`)
            .join(', '),
      );
    }
  }
  lines.push('');
  lines.push('peak RSS (sampled every 0.5 s):');
  for (const p of r.memory)
    lines.push(
      `  ${p.name.padEnd(20)} ${String(p.peakRssMb).padStart(5)} MB  (kernel high-water mark ${p.lifetimePeakRssMb ?? '-'} MB)` +
        (p.heap
          ? `; V8 heap used <= ${p.heap.heapUsedMb} MB of <= ${p.heap.heapTotalMb} MB reserved, external <= ${p.heap.externalMb} MB`
          : ''),
    );
  lines.push('');
  lines.push('CPU seconds per phase:');
  for (const phase of r.cpu) {
    const busiest = Object.entries(phase.cpuSeconds)
      .sort((a, b) => b[1] - a[1])
      .map(([name, seconds]) => `${name} ${seconds}`)
      .join(', ');
    // Reports written before the JIT was counted per phase have none.
    const jit = Object.entries(phase.jitSeconds ?? {})
      .map(([name, seconds]) => `${name} ${seconds}`)
      .join(', ');
    lines.push(
      `  ${phase.phase.padEnd(11)} ${phase.wallSeconds} s wall, machine ${phase.machineBusyPercent}% busy: ${busiest}` +
        (jit ? `; of it JIT compiling: ${jit}` : ''),
    );
  }
  const { pipelinePerStory, directPerDocument } = r.cpuPerItem;
  const describe = (costs: Record<string, number>): string =>
    Object.entries(costs)
      .filter(([, ms]) => ms > 0)
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ');
  if (pipelinePerStory)
    lines.push(`  CPU ms per story through the pipeline: ${describe(pipelinePerStory)}`);
  if (directPerDocument)
    lines.push(`  CPU ms per document loaded directly: ${describe(directPerDocument)}`);
  lines.push('');
  if (r.profiles?.length) {
    lines.push('CPU profiles, self time as a share of busy samples (whole run):');
    for (const p of r.profiles) {
      lines.push(
        `  ${p.service}: ${p.busySamples} busy samples, ${p.gcPercent}% garbage collection; ${p.profile}, flame graph input ${p.folded}`,
      );
      for (const hot of p.top)
        lines.push(`    ${String(hot.selfPercent).padStart(5)}%  ${hot.frame}`);
    }
    lines.push('');
  }
  lines.push('engine statistics of the bench index per phase:');
  // `?? 0`: reports written before throttling, flushes, segments and the tag names index were read.
  for (const [phase, e] of Object.entries(r.engine)) {
    lines.push(
      `  ${phase.padEnd(11)} ${e.indexOps} index ops (${e.indexMsPerOp} ms each, throttled ${e.indexThrottledSeconds ?? 0} s), ${e.queries} queries (${e.queryMsPerQuery} ms query + ${e.fetchMsPerQuery} ms fetch each), ` +
        `${e.refreshes} refreshes (${e.refreshSeconds} s), merges ${e.mergeSeconds} s (${e.mergeThrottledSeconds ?? 0} s of it throttled; ${e.mergedDocs} docs, ${e.mergedMb} MB rewritten; ${e.mergesRunning ?? 0} running at the end), ` +
        `${e.flushes ?? 0} flushes (${e.flushSeconds ?? 0} s), ${e.segments ?? 0} segments, ${e.openContexts} open contexts, ` +
        `request cache ${e.requestCacheHits} hits / ${e.requestCacheMisses} misses; ` +
        `tag names index ${e.sideIndexOps ?? 0} index ops, ${e.sideGets ?? 0} gets, ${e.sideRefreshes ?? 0} refreshes`,
    );
  }
  lines.push('');
  lines.push('targets:');
  for (const target of r.targets)
    lines.push(
      `  [${target.met === null ? ' ' : target.met ? 'x' : '!'}] ${target.target}: ${target.value}`,
    );
  return `${lines.join('\n')}\n`;
}

function latency(s: LatencySummary): string {
  return `p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms (n=${s.count})`;
}

/** How a warm-up ended, as far as the engine's JIT compiler goes. */
function jitVerdict(w: { jitSharePercent: number | null; settled: boolean }): string {
  return w.jitSharePercent === null
    ? 'the engine JIT not watched'
    : `the engine's JIT took ${w.jitSharePercent} % of its CPU in the last round${w.settled ? '' : ' (stopped at the cap, not settled)'}`;
}
