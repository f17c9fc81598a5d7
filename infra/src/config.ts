/**
 * Where everything lives and which endpoints the services use. Every value can be overridden by the
 * environment so CI, a laptop and the jest global setup resolve the same endpoints.
 */
import * as path from 'node:path';

export interface InfraOptions {
  /** Root of the git checkout; defaults to two levels above this file. */
  repoRoot?: string;
  /** Data, jars, logs and pid files; env INFRA_DIR, default <repo>/.infra. */
  infraDir?: string;
  /** env KAFKA_BROKERS, comma separated; default 127.0.0.1:9092. */
  kafkaBrokers?: string[];
  /** env ES_NODE; default http://127.0.0.1:9200. */
  esNode?: string;
  /** env DATABASE_URL; default postgres://postgres@127.0.0.1:5432/newswire. */
  databaseUrl?: string;
  /** How long to wait for each service to become ready (ms). */
  startTimeoutMs?: number;
  /** Progress lines; defaults to console.log with an "[infra]" prefix. */
  log?: (line: string) => void;
}

export interface InfraConfig {
  repoRoot: string;
  infraDir: string;
  kafkaBrokers: string[];
  esNode: string;
  databaseUrl: string;
  startTimeoutMs: number;
  log: (line: string) => void;
}

export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';
export const DEFAULT_ES_NODE = 'http://127.0.0.1:9200';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/newswire';

export function resolveConfig(
  options: InfraOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): InfraConfig {
  const repoRoot = options.repoRoot ?? path.resolve(__dirname, '..', '..');
  const brokers = options.kafkaBrokers ?? splitList(env.KAFKA_BROKERS || DEFAULT_KAFKA_BROKERS);
  return {
    repoRoot,
    infraDir: path.resolve(repoRoot, options.infraDir ?? (env.INFRA_DIR || '.infra')),
    kafkaBrokers: brokers,
    esNode: (options.esNode ?? (env.ES_NODE || DEFAULT_ES_NODE)).replace(/\/+$/, ''),
    databaseUrl: options.databaseUrl ?? (env.DATABASE_URL || DEFAULT_DATABASE_URL),
    startTimeoutMs: options.startTimeoutMs ?? numberOr(env.INFRA_START_TIMEOUT_MS, 180_000),
    log: options.log ?? ((line) => console.log(`[infra] ${line}`)),
  };
}

export interface HostPort {
  host: string;
  port: number;
}

/** "host:port" as used in KAFKA_BROKERS. */
export function parseHostPort(value: string): HostPort {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(value.trim());
  if (!match) throw new Error(`expected host:port, got "${value}"`);
  return { host: match[1], port: Number(match[2]) };
}

/** We only ever start services for addresses on this machine; remote ones are checked, never started. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function numberOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}
