import { MAX_EVENT_BYTES } from '@lib/contracts';
import { envSchema, type Env } from './env.schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a bad value stops the service at boot with a clear message. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const config = result.data;
  const largestPush = Math.max(config.INGEST_MAX_BODY_BYTES, config.INGEST_BATCH_MAX_BYTES);
  if (config.INGEST_INFLIGHT_MAX_BYTES < largestPush)
    throw new ConfigError(
      `Invalid configuration: INGEST_INFLIGHT_MAX_BYTES (${config.INGEST_INFLIGHT_MAX_BYTES}) ` +
        `must be at least the largest push a body limit allows (${largestPush}), or such a push could never be admitted`,
    );
  if (config.INGEST_MAX_BODY_BYTES * 3 > MAX_EVENT_BYTES)
    throw new ConfigError(
      `Invalid configuration: INGEST_MAX_BODY_BYTES (${config.INGEST_MAX_BODY_BYTES}) may be at most ` +
        `a third of the largest event Kafka topics take (${MAX_EVENT_BYTES}): a story's event carries its text, HTML and enrichment`,
    );
  return config;
}
