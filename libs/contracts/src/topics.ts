/** Every Kafka topic name lives here once. Dead letters go to `<topic>.dlq`. */
export const Topics = {
  storyIngested: 'news.story.ingested.v1',
  storyEnriched: 'news.story.enriched.v1',
  /** Maintenance jobs an operator asked for through the api's admin endpoints; the indexer runs them. */
  adminJobRequested: 'news.job.requested.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * The largest event a pipeline topic takes (its `max.message.bytes`). A story event carries the
 * story's text, its HTML and its enrichment, each no larger than the raw item, so ingest's
 * per-item limit (`INGEST_MAX_BODY_BYTES`) may be at most a third of this (checked at start).
 * Kafka's default of 1 MiB would refuse a long story, and the outbox would hold it forever.
 */
export const MAX_EVENT_BYTES = 16 * 1024 * 1024;
