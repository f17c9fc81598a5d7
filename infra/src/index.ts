/**
 * Programmatic entry point: the jest global setup, `npm start` and the CLI all go through
 * ensureInfra so they share one idea of where Kafka, the search engine and PostgreSQL live.
 */
import { type InfraOptions, resolveConfig } from './config';
import { ensureKafka, fetchKafka, kafkaStatus, stopKafka } from './kafka';
import { ensureDatabase as ensureDatabaseAt, postgresStatus } from './postgres';
import { ensureSearch, fetchSearch, searchStatus, stopSearch } from './search-engine';
import {
  type EnsureResult,
  errorMessage,
  seconds,
  type ServiceStatus,
  type StopResult,
} from './service';

export type { InfraOptions } from './config';
export type { EnsureResult, ServiceStatus, StopResult } from './service';

export interface InfraEndpoints {
  kafkaBrokers: string[];
  esNode: string;
  databaseUrl: string;
}

/**
 * Makes Kafka, the search engine and the database usable: reuses whatever healthy service already
 * answers, starts what is missing (detached, so it outlives this process) and waits until ready.
 */
export async function ensureInfra(options: InfraOptions = {}): Promise<InfraEndpoints> {
  const cfg = resolveConfig(options);
  const startedAt = Date.now();
  const outcomes = await Promise.allSettled([
    ensureKafka(cfg),
    ensureSearch(cfg),
    ensureDatabaseAt(cfg.databaseUrl),
  ]);
  const failures: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') cfg.log(describeEnsure(outcome.value));
    else failures.push(errorMessage(outcome.reason));
  }
  if (failures.length > 0)
    throw new Error(`infrastructure is not ready:\n- ${failures.join('\n- ')}`);
  cfg.log(`all services ready in ${seconds(startedAt).toFixed(1)}s`);
  return { kafkaBrokers: cfg.kafkaBrokers, esNode: cfg.esNode, databaseUrl: cfg.databaseUrl };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  await ensureDatabaseAt(url);
}

/** Stops the services this project started (pid files); anything else is left alone. */
export async function stopInfra(options: InfraOptions = {}): Promise<StopResult[]> {
  const cfg = resolveConfig(options);
  const results = await Promise.all([stopKafka(cfg), stopSearch(cfg)]);
  for (const r of results) cfg.log(describeStop(r));
  return results;
}

export async function infraStatus(options: InfraOptions = {}): Promise<ServiceStatus[]> {
  const cfg = resolveConfig(options);
  return Promise.all([kafkaStatus(cfg), searchStatus(cfg), postgresStatus(cfg.databaseUrl)]);
}

/** Downloads jars and compiles the search launcher without starting anything (CI's first step). */
export async function fetchInfra(options: InfraOptions = {}): Promise<void> {
  const cfg = resolveConfig(options);
  let t = Date.now();
  const kafka = await fetchKafka(cfg);
  cfg.log(`kafka jars ${kafka ? 'downloaded' : 'up to date'} in ${seconds(t).toFixed(1)}s`);
  t = Date.now();
  const search = await fetchSearch(cfg);
  cfg.log(
    `search jars ${search.downloaded ? 'downloaded' : 'up to date'}, launcher ${search.compiled ? 'compiled' : 'up to date'} in ${seconds(t).toFixed(1)}s`,
  );
}

function describeEnsure(r: EnsureResult): string {
  switch (r.action) {
    case 'started':
      return `${r.service} ready in ${r.seconds.toFixed(1)}s (started, pid ${r.pid}, ${r.endpoint})`;
    case 'created':
      return `${r.service} ready in ${r.seconds.toFixed(1)}s (database created, ${r.endpoint})`;
    default:
      return `${r.service} ready in ${r.seconds.toFixed(1)}s (already running, reused: ${r.endpoint})`;
  }
}

function describeStop(r: StopResult): string {
  switch (r.outcome) {
    case 'terminated':
      return `${r.service} stopped (pid ${r.pid}, SIGTERM) in ${r.seconds.toFixed(1)}s`;
    case 'killed':
      return `${r.service} killed (pid ${r.pid}, SIGKILL after grace period) in ${r.seconds.toFixed(1)}s`;
    case 'not-ours':
      return `${r.service} is running but was not started by infra: left alone`;
    default:
      return `${r.service} was not running`;
  }
}
