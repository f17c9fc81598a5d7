import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@lib/contracts';
import { loadConfig, type Env } from '@lib/config';
import { runMigrations } from '@lib/database';
import { ensureTopics, pipelineTopics } from '@lib/kafka';
import { ensureInfra, infraStatus, stopInfra, type InfraOptions } from '../../infra/src';
import { startGroupsAtTopicEnd } from '../stack/consumer-offsets';
import { SERVICE_NAMES, ServiceProcess, type ServiceName } from '../stack/services';
import type { TrackedProcess } from './resources';
import { sleep } from './stats';

/**
 * The bench's own namespace, apart from `npm start` (3000–3003, `stories`) and the tests
 * (4100–4103 and hashed blocks, `<ns>-stories`): its database, alias, groups and ports.
 */
export const BENCH = {
  databaseUrl:
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newswire_bench',
  esNode: process.env.ES_NODE ?? 'http://127.0.0.1:9200',
  alias: 'bench-stories',
  directIndexPrefix: 'bench-direct',
  groupPrefix: 'newswire-bench',
  ports: { api: 4500, ingest: 4501, enricher: 4502, indexer: 4503 } satisfies Record<
    ServiceName,
    number
  >,
  sharedBrokers: ['127.0.0.1:9092'],
  /** A broker of the bench's own, started by the project's launcher under `.infra/bench`. */
  ownBrokers: ['127.0.0.1:29092'],
  ownInfraDir: '.infra/bench',
  logDir: resolve(__dirname, '..', '..', 'test-artifacts', 'bench'),
} as const;

export type KafkaMode = 'own' | 'shared';

/** The name the search engine's JVM is reported under. */
export const ENGINE_JVM = 'elasticsearch (JVM)';

export interface StackOptions {
  kafka: KafkaMode;
  /** Service environment on top of the bench namespace: the knobs under test. */
  overrides: Record<string, string>;
  /** Knobs for one service only (each service is its own deployment with its own environment). */
  serviceOverrides: Partial<Record<ServiceName, Record<string, string>>>;
  /** Keeps the bench index of the previous run, to measure the live phases without a replay first. */
  keepIndex: boolean;
  /** Writes a V8 CPU profile per service into the log directory. */
  cpuProfile: boolean;
  log: (line: string) => void;
}

export interface BenchStack {
  env: NodeJS.ProcessEnv;
  /** The configuration the services run with, as they parse it. */
  config: Env;
  brokers: string[];
  services: ServiceProcess[];
  adminKey: string;
  jvms: TrackedProcess[];
  url: (service: ServiceName, path: string) => string;
  stop: () => Promise<void>;
}

/**
 * Gives the bench a clean namespace and runs the four services in it: a fresh database with
 * migrations, no bench index, consumer groups positioned at the end of every topic (so a new
 * group does not replay other stacks' history), then the services from the build.
 */
export async function startBenchStack(options: StackOptions): Promise<BenchStack> {
  const brokers = options.kafka === 'own' ? [...BENCH.ownBrokers] : [...BENCH.sharedBrokers];
  const infra: InfraOptions = {
    kafkaBrokers: brokers,
    esNode: BENCH.esNode,
    databaseUrl: BENCH.databaseUrl,
    log: (line) => options.log(`[infra] ${line}`),
    ...(options.kafka === 'own' ? { infraDir: BENCH.ownInfraDir } : {}),
  };
  await ensureInfra(infra);
  const stopOwnBroker = async (): Promise<void> => {
    // Only the bench's own broker is stopped; the shared infrastructure is left running for others.
    if (options.kafka === 'own') await stopInfra(infra);
  };
  mkdirSync(BENCH.logDir, { recursive: true });
  const adminKey = randomBytes(24).toString('base64url');
  const env = serviceEnv(brokers, adminKey, options);
  const config = loadConfig(env);
  const services: ServiceProcess[] = [];
  try {
    await recreateDatabase(BENCH.databaseUrl);
    await runMigrations({ url: BENCH.databaseUrl });
    if (!options.keepIndex) await deleteBenchIndexes();
    await prepareKafka(brokers, options.kafka, config, options.log);
    for (const name of SERVICE_NAMES) {
      const own = { ...env, ...options.serviceOverrides[name] };
      const output = { file: resolve(BENCH.logDir, `${name}.log`) };
      services.push(new ServiceProcess(name, { env: own, output }));
    }
    await Promise.all(services.map((s) => s.waitReady(120_000)));
  } catch (error) {
    await Promise.all(services.map((s) => s.stop()));
    await stopOwnBroker();
    throw error;
  }
  const jvms = await findJvms(infra);
  return {
    env,
    config,
    brokers,
    services,
    adminKey,
    jvms,
    url: (service, path) => `http://127.0.0.1:${BENCH.ports[service]}${path}`,
    stop: async () => {
      await Promise.all(services.map((s) => s.stop(30_000)));
      await stopOwnBroker();
    },
  };
}

function serviceEnv(brokers: string[], adminKey: string, options: StackOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: BENCH.databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_GROUP_PREFIX: BENCH.groupPrefix,
    KAFKA_CLIENT_ID: 'newswire-bench',
    ES_NODE: BENCH.esNode,
    ES_STORIES_ALIAS: BENCH.alias,
    ADMIN_API_KEY: adminKey,
    // The search load is one client at 50 queries/s; the per-client limiter would refuse most of it.
    API_RATE_LIMIT: '0',
    API_PORT: String(BENCH.ports.api),
    INGEST_PORT: String(BENCH.ports.ingest),
    ENRICHER_PORT: String(BENCH.ports.enricher),
    INDEXER_PORT: String(BENCH.ports.indexer),
    // Node refuses --cpu-prof in NODE_OPTIONS; a preloaded inspector session does the same.
    ...(options.cpuProfile
      ? {
          NODE_OPTIONS: `--require ${resolve(__dirname, 'cpu-profile.js')}`,
          BENCH_CPU_PROFILE_DIR: BENCH.logDir,
        }
      : {}),
    ...options.overrides,
  };
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function deleteBenchIndexes(): Promise<void> {
  for (const pattern of [`${BENCH.alias}-*`, `${BENCH.directIndexPrefix}-*`]) {
    await fetch(
      `${BENCH.esNode}/${pattern}?ignore_unavailable=true&allow_no_indices=true&expand_wildcards=all`,
      { method: 'DELETE' },
    );
  }
}

/**
 * Own broker: the pipeline topics are recreated with the partition count under test. Shared
 * broker: topic names are fixed and others use them, so they stay as they are. Either way the
 * bench's groups start at the end of their topics and only this run's stories flow through.
 */
async function prepareKafka(
  brokers: string[],
  mode: KafkaMode,
  config: Env,
  log: (line: string) => void,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'newswire-bench-admin',
    brokers,
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    const settings = {
      brokers,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    };
    if (mode === 'own') {
      await recreateTopics(admin, pipelineTopics());
      await retrying(() => ensureTopics(settings));
    } else {
      await retrying(() => ensureTopics(settings));
      const metadata = await admin.fetchTopicMetadata({ topics: Object.values(Topics) });
      for (const topic of metadata.topics) {
        if (topic.partitions.length !== config.KAFKA_TOPIC_PARTITIONS) {
          log(
            `shared topic ${topic.name} has ${topic.partitions.length} partitions; KAFKA_TOPIC_PARTITIONS=${config.KAFKA_TOPIC_PARTITIONS} does not apply to it`,
          );
        }
      }
    }
    await retrying(() => startGroupsAtTopicEnd(brokers, BENCH.groupPrefix));
  } finally {
    await admin.disconnect();
  }
}

/** A broker that just started answers "not available" for a few seconds while it creates its internal topics. */
async function retrying<T>(work: () => Promise<T>, attempts = 30): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(1000);
    }
  }
}

async function recreateTopics(admin: Admin, topics: string[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const doomed = topics.filter((t) => existing.has(t));
  if (doomed.length === 0) return;
  await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
  // Deletion completes asynchronously; creating a topic of the same name too early fails.
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const left = new Set(await admin.listTopics());
    if (!doomed.some((t) => left.has(t))) return;
    await sleep(500);
  }
  throw new Error(`topics still being deleted: ${doomed.join(', ')}`);
}

/** The broker's and the search engine's processes, for their memory and CPU. */
async function findJvms(infra: InfraOptions): Promise<TrackedProcess[]> {
  const statuses = await infraStatus({ ...infra, log: () => undefined });
  const jvms: TrackedProcess[] = [];
  const kafkaPid =
    statuses.find((s) => s.service === 'kafka')?.pid ??
    pidListeningOn(Number(infra.kafkaBrokers?.[0]?.split(':')[1] ?? 9092));
  if (kafkaPid) jvms.push({ name: 'kafka (JVM)', kind: 'jvm', pid: kafkaPid });
  const searchPid = await searchEnginePid();
  if (searchPid) jvms.push({ name: ENGINE_JVM, kind: 'jvm', pid: searchPid });
  return jvms;
}

async function searchEnginePid(): Promise<number | undefined> {
  try {
    const response = await fetch(`${BENCH.esNode}/_nodes/_local/process`);
    const body = (await response.json()) as {
      nodes?: Record<string, { process?: { id?: number } }>;
    };
    return Object.values(body.nodes ?? {})[0]?.process?.id;
  } catch {
    return undefined;
  }
}

function pidListeningOn(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`]).toString();
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Registers a push source through ingest's admin endpoint and returns its API key. */
export async function registerPushSource(stack: BenchStack, name: string): Promise<string> {
  const response = await fetch(stack.url('ingest', '/v1/sources'), {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, kind: 'push', format: 'ninjs', provider: 'Reuters' }),
  });
  if (response.status !== 201)
    throw new Error(
      `registering source ${name} answered ${response.status}: ${await response.text()}`,
    );
  const body = (await response.json()) as { apiKey?: string };
  if (!body.apiKey) throw new Error(`source ${name} got no API key`);
  return body.apiKey;
}

/** The tuning knobs, as the services parsed them. */
export function tuningSettings(config: Env): Record<string, string | number> {
  const settings: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(config)) {
    if (
      !/^(KAFKA_(?!BROKERS|CLIENT_ID|GROUP_PREFIX)|ES_(?!NODE|STORIES_ALIAS)|OUTBOX_|INGEST_BATCH|DATABASE_POOL|ENRICHMENT_)/.test(
        key,
      )
    )
      continue;
    if (typeof value === 'string' || typeof value === 'number') settings[key] = value;
  }
  return settings;
}
