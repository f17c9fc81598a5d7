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
