/**
 * The environment integration and end-to-end tests run the services with: the same real
 * infrastructure as `npm start`, but their own database, index alias, consumer groups and
 * ports, so a stack already running on this machine is left alone. TEST_NAMESPACE (default
 * `test`) separates two test runs sharing one machine's Kafka and search engine.
 */
const NAMESPACE = (process.env.TEST_NAMESPACE ?? 'test').toLowerCase().replace(/[^a-z0-9]/g, '');
/** Each namespace gets its own block of ports: test 4100–4103, others hashed into 4400–5390. */
const PORT_BASE =
  NAMESPACE === 'test'
    ? 4100
    : 4400 + 10 * [...NAMESPACE].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100, 7);

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/newswire_${NAMESPACE}`;
export const TEST_ES_NODE = process.env.ES_NODE ?? 'http://127.0.0.1:9200';
export const TEST_ALIAS = `${NAMESPACE}-stories`;

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export const TEST_PORTS = {
  api: PORT_BASE,
  ingest: PORT_BASE + 1,
  enricher: PORT_BASE + 2,
  indexer: PORT_BASE + 3,
} as const;

export function testServiceEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_GROUP_PREFIX: `newswire-${NAMESPACE}`,
    ES_NODE: TEST_ES_NODE,
    ES_STORIES_ALIAS: TEST_ALIAS,
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    FEED_POLL_TICK_MS: '250',
    FOLDER_SCAN_MS: '250',
    // Small runs, so the tests' batches of a few items span several transactions.
    INGEST_TRANSACTION_MAX_ITEMS: '2',
    // The relay vacuums the outbox every few rows, so every test exercises it.
    OUTBOX_VACUUM_ROWS: '5',
    API_PORT: String(TEST_PORTS.api),
    INGEST_PORT: String(TEST_PORTS.ingest),
    ENRICHER_PORT: String(TEST_PORTS.enricher),
    INDEXER_PORT: String(TEST_PORTS.indexer),
    ...overrides,
  };
}
