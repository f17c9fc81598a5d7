import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the services read, validated once at boot.
 * The same names are used in docker-compose.yml, the Kubernetes ConfigMaps and the README.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  API_PORT: port(3000),
  INGEST_PORT: port(3001),
  ENRICHER_PORT: port(3002),
  INDEXER_PORT: port(3003),

  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/newswire'),
  DATABASE_POOL_SIZE: positiveInt(10),

  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    ),
  KAFKA_CLIENT_ID: z.string().default('newswire'),
  /** Consumer groups are `<prefix>.<service>`, so two stacks can share one cluster. */
  KAFKA_GROUP_PREFIX: z.string().default('newswire'),
  KAFKA_TOPIC_PARTITIONS: positiveInt(3),
  KAFKA_REPLICATION_FACTOR: positiveInt(1),
  /** Attempts for a transient failure before a message goes to its dead-letter topic. */
  KAFKA_MAX_ATTEMPTS: positiveInt(5),
  KAFKA_RETRY_BASE_MS: positiveInt(200),
  /** Messages of different keys processed at once within a batch; one key stays in order. */
  KAFKA_CONSUMER_CONCURRENCY: positiveInt(8),
  /** Messages handed to a handler and committed together; a bigger fetch is worked through in slices. */
  KAFKA_CONSUMER_MAX_BATCH: positiveInt(250),
  /** ...and at most this many bytes of messages (a larger message goes alone): bounds a slice's memory. */
  KAFKA_CONSUMER_MAX_BATCH_BYTES: positiveInt(4 * 1024 * 1024),
  /** Bytes a fetch waits for (up to KAFKA_CONSUMER_MAX_WAIT_MS): 1 answers with the first message. */
  KAFKA_CONSUMER_MIN_BYTES: positiveInt(1),
  /** How long the broker holds a fetch waiting for KAFKA_CONSUMER_MIN_BYTES. */
  KAFKA_CONSUMER_MAX_WAIT_MS: positiveInt(5_000),
  /** Partitions one consumer works on at once, each in offset order. */
  KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: positiveInt(3),
  /**
   * Codec of the record batches the services produce. gzip is the one kafkajs decodes without a
   * native add-on; it trades CPU for bytes on the wire and on the brokers' disks.
   */
  KAFKA_COMPRESSION: z.enum(['none', 'gzip']).default('none'),
  /** How long a silent consumer keeps its partitions before the group moves them to the others. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),

  ES_NODE: z.string().url().default('http://127.0.0.1:9200'),
  /** Stories live in versioned indexes `<alias>-v<n>` behind this alias. */
  ES_STORIES_ALIAS: z.string().default('stories'),
  ES_REFRESH_INTERVAL: z.string().default('1s'),
  /**
   * Messages the indexer may fall behind before it relaxes the stories index's refreshes to
   * ES_BACKLOG_REFRESH_INTERVAL (restored, with a refresh, at a tenth of it); 0 switches it off.
   */
  ES_BACKLOG_MESSAGES: z.coerce.number().int().min(0).default(2000),
  ES_BACKLOG_REFRESH_INTERVAL: z.string().default('30s'),
  /** Operations per bulk request of the indexer; a larger batch is split. */
  ES_BULK_MAX_DOCS: positiveInt(500),
  /** About this many bytes per bulk request at most. */
  ES_BULK_MAX_BYTES: positiveInt(10 * 1024 * 1024),

  OUTBOX_POLL_MS: positiveInt(100),
  OUTBOX_BATCH_SIZE: positiveInt(200),
  /** Payload bytes the relay publishes per batch (the first row goes whatever its size). */
  OUTBOX_BATCH_MAX_BYTES: positiveInt(8 * 1024 * 1024),
  /** Relayed rows after which the relay vacuums the outbox itself; 0 leaves it to autovacuum. */
  OUTBOX_VACUUM_ROWS: z.coerce.number().int().min(0).default(1000),

  /** Requests per client address and window on the api (a newsroom behind one NAT shares it); 0 switches it off. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(3000),
  API_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  /** Search, story and tag requests answered at once; the next gets a 503 with Retry-After. */
  API_MAX_INFLIGHT: positiveInt(64),
  /** Browser origins allowed to call the api (comma-separated, `*` for any); empty allows none. */
  API_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** How long a search cursor stays usable after its last page (engine time units: 90s, 5m, 1h). */
  API_CURSOR_KEEP_ALIVE: z
    .string()
    .regex(/^\d+[smh]$/, 'a duration such as 90s, 5m or 1h')
    .default('5m'),
  /** How long the api trusts a tag's display name (facet labels) before asking the index again. */
  API_TAG_NAME_TTL_SECONDS: positiveInt(300),
  API_STREAM_POLL_MS: positiveInt(1000),
  /** The stream holds events back this long, so a story the engine has not made visible yet is never skipped. */
  API_STREAM_LAG_MS: positiveInt(3000),

  /** Gazetteer tables and trained models (`entities/`, `models/`). */
  ENRICHMENT_DATA_DIR: z.string().default('data'),
  /** A trained topic model; default: the newest `models/topics-*.json` under the data dir. */
  TOPIC_MODEL_FILE: z.string().optional(),
  /** Earlier stories the enricher's window proposes per story before scoring related links. */
  ENRICHMENT_RELATED_CANDIDATES: positiveInt(20),
  /**
   * Most recent stories each enricher holds in memory as related-link candidates: about 1.2 KB
   * of heap a story, so the enricher's heap limit must grow with it (tools/stack/heap-limits.ts).
   */
  ENRICHMENT_RELATED_WINDOW: positiveInt(25_000),
  /** Newest indexed stories an enricher reads into its window when it starts. */
  ENRICHMENT_WINDOW_WARM_UP: z.coerce.number().int().min(0).default(25_000),
  /**
   * A related link this strong also links the earlier story back to the newer one. The api
   * applies it when it reads a story's newer coverage.
   */
  ENRICHMENT_BACKLINK_MIN_SCORE: z.coerce.number().min(0).default(1),
  /** Earlier stories one new story shows on as newer coverage: its strongest links (api). */
  ENRICHMENT_MAX_BACKLINKS: z.coerce.number().int().min(0).default(3),
  /** Recent signatures kept in memory per enricher: the stories a new one may join the cluster of. */
  ENRICHMENT_RECENT_SIGNATURES: positiveInt(50_000),
  /** Characters of a story's body enrichment reads; a longer body is tagged and linked by its opening. */
  ENRICHMENT_MAX_TEXT_CHARS: positiveInt(100_000),

  INGEST_MAX_BODY_BYTES: positiveInt(5 * 1024 * 1024),
  /** Items in one `POST /v1/ingest/batch`. */
  INGEST_BATCH_MAX_ITEMS: positiveInt(500),
  /** Body limit of a batch (JSON with every item inside). */
  INGEST_BATCH_MAX_BYTES: positiveInt(50 * 1024 * 1024),
  /**
   * Items of a batch stored in one transaction, which commits (and is flushed to disk) once for
   * all of them. A run of items is parsed and held in memory at once, hence the byte bound too.
   */
  INGEST_TRANSACTION_MAX_ITEMS: positiveInt(50),
  INGEST_TRANSACTION_MAX_BYTES: positiveInt(4 * 1024 * 1024),
  /**
   * Bytes of push bodies handled at once; a push that does not fit gets a 503 with Retry-After.
   * Bounds ingest's memory under any number of senders; at least the larger body limit.
   */
  INGEST_INFLIGHT_MAX_BYTES: positiveInt(64 * 1024 * 1024),
  /** How often ingest looks for feeds due for a poll and for files in drop folders. */
  FEED_POLL_TICK_MS: positiveInt(1000),
  FEED_FETCH_TIMEOUT_MS: positiveInt(15_000),
  FOLDER_SCAN_MS: positiveInt(1000),
  /** Key for admin endpoints (`/v1/sources`, overrides, replay); admin endpoints refuse every call without it. */
  ADMIN_API_KEY: z.string().min(16, 'at least 16 characters').optional(),
});

export type Env = z.infer<typeof envSchema>;
