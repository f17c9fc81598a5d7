import { testServiceEnv } from '../../setup/test-env';

/**
 * The fault suite's own infrastructure: a Kafka broker and a search node of its own (started by
 * the project's launcher under `.infra/faults`, on ports nobody else uses) and its own database,
 * so it can stop, restart and starve them without touching the shared ones.
 */
export const FAULT_INFRA = {
  kafkaBrokers: ['127.0.0.1:19092'],
  esNode: 'http://127.0.0.1:19200',
  infraDir: '.infra/faults',
} as const;

export const FAULT_DATABASE_URL =
  process.env.FAULT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newswire_faults';
export const FAULT_ALIAS = 'faults-stories';
export const FAULT_GROUP_PREFIX = 'newswire-faults';
export const FAULT_PORTS = { api: 4200, ingest: 4201, enricher: 4202, indexer: 4203 } as const;
/** Where the database-outage test's TCP proxy listens, in front of the real PostgreSQL. */
export const FAULT_PG_PROXY_PORT = 4210;

export const ingestUrl = `http://127.0.0.1:${FAULT_PORTS.ingest}`;

export function infraOptions(): {
  kafkaBrokers: string[];
  esNode: string;
  infraDir: string;
  databaseUrl: string;
  log: (line: string) => void;
} {
  return {
    kafkaBrokers: [...FAULT_INFRA.kafkaBrokers],
    esNode: FAULT_INFRA.esNode,
    infraDir: FAULT_INFRA.infraDir,
    databaseUrl: FAULT_DATABASE_URL,
    log: (line) => process.stdout.write(`[faults infra] ${line}\n`),
  };
}

/** The integration tests' service environment, pointed at the fault suite's own everything. */
export function faultServiceEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return testServiceEnv({
    LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'info',
    DATABASE_URL: FAULT_DATABASE_URL,
    KAFKA_BROKERS: FAULT_INFRA.kafkaBrokers.join(','),
    KAFKA_GROUP_PREFIX: FAULT_GROUP_PREFIX,
    KAFKA_CLIENT_ID: 'newswire-faults',
    ES_NODE: FAULT_INFRA.esNode,
    ES_STORIES_ALIAS: FAULT_ALIAS,
    API_PORT: String(FAULT_PORTS.api),
    INGEST_PORT: String(FAULT_PORTS.ingest),
    ENRICHER_PORT: String(FAULT_PORTS.enricher),
    INDEXER_PORT: String(FAULT_PORTS.indexer),
    // Nobody reads the fault stack through the api; its limiter would only get in the way.
    API_RATE_LIMIT: '0',
    ...overrides,
  });
}
