/**
 * `npm run bench`: throughput, the engine's direct bulk-load limit, freshness, search latency and
 * memory of the whole pipeline on the real local stack, in one run. See docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HEAP_LIMIT_MB } from '../stack/heap-limits';
import { SERVICE_NAMES, type ServiceName } from '../stack/services';
import { BENCH, ENGINE_JVM, startBenchStack, tuningSettings, type KafkaMode } from './bench-stack';
import { countOption } from './count-option';
import { loadBenchCorpus } from './corpus';
import { runDirectLoad, deleteDirectIndexes, type DirectResult } from './phases/direct-load';
import { runFreshness, type FreshnessResult } from './phases/freshness';
import { warmUpIndexing, type IndexingWarmUp } from './phases/indexing-warm-up';
import { runReplay, type ReplayResult } from './phases/replay';
import {
  runSearchLoad,
  warmUpSearch,
  type SearchResult,
  type SearchWarmUp,
} from './phases/search-load';
import { HeapSampler } from './heap-sampler';
import { PipelineProbe } from './pipeline-probe';
import { engineDelta, engineSnapshot, type EngineStats } from './engine-stats';
import { renderReport, evaluateTargets, type BenchReport } from './report';
import {
  HARNESS_NAME,
  OTHERS_NAME,
  ResourceMonitor,
  machineInfo,
  type PhaseCpu,
} from './resources';
import { round } from './stats';
import { readServiceProfiles } from './service-profiles';

const PHASES = ['throughput', 'direct', 'freshness', 'search'] as const;
/** The search warm-up sends at most this many times `--search-warmup` queries. */
const WARM_UP_CAP_FACTOR = 4;
type Phase = (typeof PHASES)[number];

interface BenchOptions {
  json: boolean;
  quick: boolean;
  stories: number | undefined;
  batchSize: number;
  pushConcurrency: number;
  freshnessRate: number;
  freshnessSeconds: number;
  searchRate: number;
  searchSeconds: number;
  searchWarmUp: number;
  indexWarmUp: number;
  sweepDocs: number;
  kafka: KafkaMode;
  overrides: Record<string, string>;
  serviceOverrides: Partial<Record<ServiceName, Record<string, string>>>;
  cpuProfile: boolean;
  phases: Phase[];
  out: string | undefined;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      stories: { type: 'string' },
      'batch-size': { type: 'string', default: '250' },
      'push-concurrency': { type: 'string', default: '4' },
      'freshness-rate': { type: 'string', default: '50' },
      'freshness-seconds': { type: 'string' },
      'search-rate': { type: 'string', default: '50' },
      'search-seconds': { type: 'string' },
      'search-warmup': { type: 'string' },
      'index-warmup': { type: 'string' },
      kafka: { type: 'string', default: 'own' },
      env: { type: 'string', multiple: true, default: [] },
      'cpu-prof': { type: 'boolean', default: false },
      phases: { type: 'string', default: PHASES.join(',') },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const kafka = values.kafka;
  if (kafka !== 'own' && kafka !== 'shared') throw new Error('--kafka must be own or shared');
  const phases = values.phases.split(',').map((p) => p.trim());
  const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length)
    throw new Error(`unknown phase(s) ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
  const overrides: Record<string, string> = {};
  const serviceOverrides: Partial<Record<ServiceName, Record<string, string>>> = {};
  for (const pair of values.env) {
    const match = /^(?:(\w+):)?([A-Z0-9_]+)=(.*)$/.exec(pair);
    if (!match) throw new Error(`--env expects [service:]KEY=VALUE, got ${pair}`);
    const [, service, key, value] = match;
    if (service === undefined) overrides[key] = value;
    else if (isServiceName(service)) (serviceOverrides[service] ??= {})[key] = value;
    else throw new Error(`--env ${pair}: unknown service ${service}`);
  }
  return {
    json: values.json,
    quick,
    stories: values.stories ? countOption('stories', values.stories) : quick ? 3000 : undefined,
    batchSize: countOption('batch-size', values['batch-size']),
    pushConcurrency: countOption('push-concurrency', values['push-concurrency']),
    freshnessRate: countOption('freshness-rate', values['freshness-rate']),
    freshnessSeconds: countOption(
      'freshness-seconds',
      values['freshness-seconds'] ?? (quick ? '20' : '60'),
    ),
    searchRate: countOption('search-rate', values['search-rate']),
    searchSeconds: countOption('search-seconds', values['search-seconds'] ?? (quick ? '15' : '60')),
    searchWarmUp: countOption(
      'search-warmup',
      values['search-warmup'] ?? (quick ? '500' : '4000'),
      0,
    ),
    indexWarmUp: countOption('index-warmup', values['index-warmup'] ?? '0', 0),
    sweepDocs: quick ? 1000 : 4000,
    kafka,
    overrides,
    serviceOverrides,
    cpuProfile: values['cpu-prof'],
    phases: PHASES.filter((p) => phases.includes(p)),
    out: values.out,
  };
}

const USAGE = `npm run bench -- [options]
  --json                 one JSON object on stdout (progress stays on stderr)
  --quick                3,000 stories, 20 s freshness, 15 s search: for iterating
  --stories N            replay only the first N stories
  --batch-size N         items per POST /v1/ingest/batch (default 250)
  --push-concurrency N   batch requests in flight (default 4)
  --freshness-rate N     live stories per second (default 50); --freshness-seconds (default 60)
  --search-rate N        queries per second (default 50); --search-seconds (default 60)
  --search-warmup N      unmeasured queries before the search phase, 4 at a time, from
                         another plan (default 4000; 500 with --quick; 0: a cold engine); it
                         goes on, up to 4 x N, until the engine's JIT takes < 5 % of its CPU
  --index-warmup N       documents bulk-loaded into scratch indexes before the replay, not
                         measured (default 0: the replay meets a cold engine); it goes on, up
                         to 4 x N, until the engine's JIT takes < 12 % of its CPU
  --kafka own|shared     own: a broker of the bench's own on 127.0.0.1:29092 (default);
                         shared: the one on 127.0.0.1:9092, groups started at the topic ends
  --env [svc:]KEY=VALUE  service configuration under test (repeatable), for every service or one:
                         --env KAFKA_CONSUMER_MAX_BATCH=200 --env indexer:KAFKA_CONSUMER_MAX_BATCH=500
  --cpu-prof             V8 CPU profiles of the services into test-artifacts/bench/
  --phases a,b           any of ${PHASES.join(',')}; without throughput the index of the
                         previous run is kept and searched
  --out FILE             also write the JSON result to FILE
`;

async function main(): Promise<void> {
  const options = readOptions();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const machine = machineInfo();
  const corpus = loadBenchCorpus();
  const stories = options.stories ? corpus.stories.slice(0, options.stories) : corpus.stories;
  log(
    `corpus: ${corpus.documents} documents, ${corpus.stories.length} stories (${corpus.skippedEmpty} without title and body skipped); replaying ${stories.length}`,
  );

  const stack = await startBenchStack({
    kafka: options.kafka,
    overrides: options.overrides,
    serviceOverrides: options.serviceOverrides,
    // Without a replay, the live phases run over the corpus the previous run left in the index.
    keepIndex: !options.phases.includes('throughput'),
    cpuProfile: options.cpuProfile,
    log,
  });
  const monitor = new ResourceMonitor([
    ...stack.services.flatMap((s) =>
      s.pid ? [{ name: s.name, kind: 'node' as const, pid: s.pid }] : [],
    ),
    ...stack.jvms,
  ]);
  monitor.start();
  const heaps = new HeapSampler(
    stack.services.map((s) => ({ name: s.name, metricsUrl: stack.url(s.name, '/metrics') })),
  );
  heaps.start();
  let stopping = false;
  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    monitor.stop();
    heaps.stop();
    await stack.stop();
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

  const startedAt = Date.now();
  let replay: ReplayResult | undefined;
  let direct: DirectResult | undefined;
  let freshness: FreshnessResult | undefined;
  let search: SearchResult | undefined;
  let searchWarmUp: SearchWarmUp | undefined;
  let indexingWarmUp: IndexingWarmUp | undefined;
  const engine: Record<string, EngineStats> = {};
  const measured = async <T>(phase: Phase, run: () => Promise<T>): Promise<T> => {
    monitor.beginPhase(phase);
    const before = await engineSnapshot();
    try {
      return await run();
    } finally {
      monitor.endPhase();
      engine[phase] = engineDelta(before, await engineSnapshot());
    }
  };
  try {
    if (options.phases.includes('throughput')) {
      if (options.indexWarmUp > 0) {
        indexingWarmUp = await warmUpIndexing(stories, {
          minDocuments: options.indexWarmUp,
          maxDocuments: WARM_UP_CAP_FACTOR * options.indexWarmUp,
          enginePid: stack.jvms.find((j) => j.name === ENGINE_JVM)?.pid,
        });
        await deleteDirectIndexes();
      }
      const replayOptions = {
        batchSize: options.batchSize,
        concurrency: options.pushConcurrency,
        timeoutSeconds: options.quick ? 300 : 900,
      };
      replay = await measured('throughput', () => runReplay(stack, stories, replayOptions, log));
    }
    if (options.phases.includes('direct')) {
      direct = await measured('direct', () =>
        runDirectLoad(stories, { sweepDocs: options.sweepDocs }, log),
      );
      // The scratch index must not compete with the live phases for the engine's memory.
      await deleteDirectIndexes();
    }
    if (options.phases.includes('freshness')) {
      // Live traffic is measured on a pipeline with nothing left of the replay to work through.
      await drain(stack.brokers, 'freshness', log);
      const freshnessOptions = {
        rate: options.freshnessRate,
        seconds: options.freshnessSeconds,
        pollMs: 100,
        graceSeconds: 30,
      };
      freshness = await measured('freshness', () =>
        runFreshness(stack, corpus.raw, freshnessOptions, log),
      );
    }
    if (options.phases.includes('search')) {
      // A backlog left by the freshness phase would compete with the queries for the engine.
      await drain(stack.brokers, 'search', log);
      if (options.searchWarmUp > 0)
        searchWarmUp = await warmUpSearch(stack, corpus.raw, {
          minQueries: options.searchWarmUp,
          maxQueries: WARM_UP_CAP_FACTOR * options.searchWarmUp,
          enginePid: stack.jvms.find((j) => j.name === ENGINE_JVM)?.pid,
        });
      search = await measured('search', () =>
        runSearchLoad(
          stack,
          corpus.raw,
          { rate: options.searchRate, seconds: options.searchSeconds },
          log,
        ),
      );
    }
  } finally {
    monitor.endPhase();
    const memory = monitor.memory().map((m) => ({ ...m, heap: heaps.peaksOf(m.name) }));
    await stopAll();
    const profiles = options.cpuProfile
      ? readServiceProfiles(BENCH.logDir, stack.services)
      : undefined;
    const report: BenchReport = {
      startedAt: new Date(startedAt).toISOString(),
      durationSeconds: round((Date.now() - startedAt) / 1000, 0),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      commit: gitCommit(),
      machine,
      corpus: {
        documents: corpus.documents,
        stories: corpus.stories.length,
        skippedEmpty: corpus.skippedEmpty,
        withoutDate: corpus.withoutDate,
        replayed: stories.length,
      },
      settings: {
        kafka:
          options.kafka === 'own'
            ? `own broker ${stack.brokers.join(',')}`
            : `shared broker ${stack.brokers.join(',')}`,
        pushBatchSize: options.batchSize,
        pushConcurrency: options.pushConcurrency,
        serviceOverrides: { all: options.overrides, ...options.serviceOverrides },
        services: tuningSettings(stack.config),
        heapLimitMb: { ...HEAP_LIMIT_MB },
        engineJavaOptions: process.env.ES_JAVA_OPTS?.trim() || undefined,
      },
      indexingWarmUp,
      throughput: replay,
      direct,
      ratio:
        replay?.pipelineRate && direct
          ? round(replay.pipelineRate / direct.docsPerSecond, 2)
          : null,
      freshness,
      searchWarmUp,
      search,
      memory,
      cpu: monitor.phases,
      engine,
      cpuPerItem: cpuPerItem(monitor.phases, replay, direct),
      profiles,
      targets: [],
    };
    report.targets = evaluateTargets(report);
    const text = options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report);
    process.stdout.write(text);
    if (options.out) writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/**
 * CPU milliseconds per story through the pipeline and per document loaded directly: unlike a
 * rate, this barely depends on what else ran on the machine at the time.
 */
function cpuPerItem(
  phases: PhaseCpu[],
  replay: ReplayResult | undefined,
  direct: DirectResult | undefined,
): BenchReport['cpuPerItem'] {
  const perItem = (phase: string, items: number | undefined): Record<string, number> | null => {
    const cpu = phases.find((p) => p.phase === phase)?.cpuSeconds;
    if (!cpu || !items) return null;
    const ours = Object.entries(cpu).filter(
      ([name]) => name !== OTHERS_NAME && name !== HARNESS_NAME,
    );
    const result: Record<string, number> = {
      total: round((1000 * ours.reduce((sum, [, s]) => sum + s, 0)) / items, 2),
    };
    for (const [name, seconds] of ours) result[name] = round((1000 * seconds) / items, 2);
    return result;
  };
  return {
    pipelinePerStory: perItem('throughput', replay?.accepted),
    directPerDocument: perItem('direct', direct?.documentsLoaded),
  };
}

async function drain(brokers: string[], phase: Phase, log: (line: string) => void): Promise<void> {
  const probe = new PipelineProbe(brokers);
  await probe.connect();
  const waited = await probe.waitForDrain(300).finally(() => probe.close());
  if (waited > 1) log(`waited ${waited} s for the pipeline to drain before the ${phase} phase`);
}

function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs']).toString().trim()
        .length > 0;
    return dirty ? `${head} (with uncommitted changes under apps/ or libs/)` : head;
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
