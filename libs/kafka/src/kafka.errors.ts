/**
 * A failure that retrying cannot fix (invalid payload, mapping rejection).
 * The consumer wrapper sends the message straight to its dead-letter topic.
 */
export class NonRetriableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NonRetriableError';
  }
}

export function errorCode(error: unknown): string {
  if (error instanceof NonRetriableError) return error.code;
  if (error instanceof Error) return error.name || 'Error';
  return 'UNKNOWN';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The message is fine but something its handling needs (the broker, the search engine, the
 * database) cannot be reached. The consumer wrapper waits and tries again for as long as that
 * lasts, without spending the message's attempts: an outage must never dead-letter good messages.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} unavailable: ${message}`, options);
    this.name = 'DependencyUnavailableError';
  }
}

const KAFKA_OUTAGE_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSTimeout',
]);

/**
 * Whether a kafkajs error means "the cluster is not reachable or not ready" (connection, timeout,
 * leader moving, retries used up on such a cause) rather than "this request can never succeed"
 * (message too large, invalid record). kafkajs wraps the last failure as `cause`.
 */
export function isKafkaOutage(error: unknown): boolean {
  for (let link: unknown = error, depth = 0; link instanceof Error && depth < 5; link = link.cause, depth += 1) {
    if (KAFKA_OUTAGE_ERRORS.has(link.name)) return true;
    if ((link as { retriable?: unknown }).retriable === true) return true;
  }
  return false;
}
