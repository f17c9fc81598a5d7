import {
  STORY_INGESTED_V1,
  Topics,
  type CanonicalStory,
  type EditorialOverrides,
  type Provenance,
  type StoryIngestedV1,
} from '@lib/contracts';
import { CORRELATION_HEADER, createEnvelope } from '@lib/kafka';

/** The outbox row announcing a story version (or its new editorial overrides). */
export interface OutboxRow {
  topic: string;
  key: string;
  payload: StoryIngestedV1;
  headers: Record<string, string>;
}

export function ingestedEventRow(
  story: CanonicalStory,
  provenance: Provenance,
  contentHash: string,
  overrides: EditorialOverrides | null,
  correlationId: string,
): OutboxRow {
  const payload = { story, provenance, contentHash, ...(overrides ? { overrides } : {}) };
  return {
    topic: Topics.storyIngested,
    key: story.uri,
    payload: {
      ...createEnvelope(STORY_INGESTED_V1, payload, { producer: 'ingest', correlationId }),
      eventType: STORY_INGESTED_V1,
    },
    headers: { [CORRELATION_HEADER]: correlationId },
  };
}

/**
 * The outbox insert, its four parameters (`outboxParameters`) numbered from `first`, so it can
 * end a statement that writes other rows first.
 */
export function insertOutboxSql(first = 1): string {
  const [topic, key, payload, headers] = [0, 1, 2, 3].map((i) => `$${first + i}`);
  return `INSERT INTO outbox (topic, message_key, payload, headers) VALUES (${topic}, ${key}, ${payload}, ${headers})`;
}

export const INSERT_OUTBOX_SQL = insertOutboxSql();

export function outboxParameters(row: OutboxRow): unknown[] {
  return [row.topic, row.key, row.payload, row.headers];
}
