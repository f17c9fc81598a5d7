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
  for (
    let link: unknown = error, depth = 0;
    link instanceof Error && depth < 5;
    link = link.cause, depth += 1
  ) {
    if (KAFKA_OUTAGE_ERRORS.has(link.name)) return true;
    if ((link as { retriable?: unknown }).retriable === true) return true;
  }
  return false;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/** Elasticsearch client (transport) errors meaning "no answer", and answers meaning "busy or not ready". */
const SEARCH_TRANSPORT_ERRORS = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
]);
const UNAVAILABLE_STATUS = new Set([429, 502, 503, 504]);

/** An HTTP status that means the dependency is overloaded or recovering, not that the request is wrong. */
export function isUnavailableStatus(status: number): boolean {
  return UNAVAILABLE_STATUS.has(status);
}

/**
 * Recognises a failure to reach a dependency in errors a handler did not classify itself (the
 * search engine's client errors, a refused or reset connection, Kafka outages), by their shape so
 * this lib needs none of those clients. Returns the error as a {@link DependencyUnavailableError},
 * or null when it is anything else.
 */
export function asDependencyUnavailable(error: unknown): DependencyUnavailableError | null {
  if (error instanceof DependencyUnavailableError) return error;
  if (!(error instanceof Error)) return null;
  if (isKafkaOutage(error))
    return new DependencyUnavailableError('kafka', error.message, { cause: error });
  const { name } = error;
  const statusCode = (error as { meta?: { statusCode?: unknown } }).meta?.statusCode;
  if (
    SEARCH_TRANSPORT_ERRORS.has(name) ||
    (name === 'ResponseError' &&
      typeof statusCode === 'number' &&
      UNAVAILABLE_STATUS.has(statusCode))
  ) {
    return new DependencyUnavailableError('search engine', error.message, { cause: error });
  }
  for (
    let link: unknown = error, depth = 0;
    link instanceof Error && depth < 5;
    link = link.cause, depth += 1
  ) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code))
      return new DependencyUnavailableError('network', link.message, { cause: error });
  }
  return null;
}
