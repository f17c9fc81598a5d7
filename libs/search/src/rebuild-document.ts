import type { Client } from '@elastic/elasticsearch';
import type { CanonicalStory, Enrichment, Provenance } from '@lib/contracts';
import type { BulkOperation } from './bulk-writer';
import { documentIdFor, toSearchDocument, type StorySearchDocument } from './search-document';

/** What a rebuild keeps from the index it replaces: enrichment is not stored in PostgreSQL. */
export interface PreviousEnrichment {
  enrichment: Enrichment;
  indexedAt: string;
  correlationId?: string;
}

type EnrichmentFields = Pick<
  StorySearchDocument,
  'uri' | 'tags' | 'related' | 'cluster' | 'simhash' | 'indexed_at' | 'correlation_id'
>;

/** The enrichment of the documents the current index holds for these stories. */
export async function readPreviousEnrichment(
  client: Client,
  index: string | null,
  uris: string[],
): Promise<Map<string, PreviousEnrichment>> {
  const found = new Map<string, PreviousEnrichment>();
  if (!index || uris.length === 0) return found;
  const response = await client.mget<EnrichmentFields>({
    index,
    ids: uris.map(documentIdFor),
    _source_includes: [
      'uri',
      'tags',
      'related',
      'cluster',
      'simhash',
      'indexed_at',
      'correlation_id',
    ],
  });
  for (const doc of response.docs) {
    if (!('found' in doc) || !doc.found || !doc._source) continue;
    const source = doc._source;
    found.set(source.uri, {
      enrichment: {
        tags: source.tags ?? [],
        related: source.related ?? [],
        cluster: source.cluster,
        signature: source.simhash,
      },
      indexedAt: source.indexed_at,
      correlationId: source.correlation_id,
    });
  }
  return found;
}

/**
 * A stored story as an index write for a rebuild. It keeps the previous index's enrichment and
 * indexing time (so the live stream does not announce the whole archive again), and carries
 * the story version as external version like every other write.
 */
export function rebuildOperation(
  story: CanonicalStory,
  provenance: Provenance,
  previous: PreviousEnrichment | undefined,
  now: Date,
): BulkOperation {
  const enrichment = previous?.enrichment ?? { tags: [], related: [] };
  const indexedAt = previous ? new Date(previous.indexedAt) : now;
  return {
    kind: 'index',
    id: documentIdFor(story.uri),
    version: story.version,
    document: toSearchDocument(
      { story, provenance, enrichment },
      Number.isNaN(indexedAt.getTime()) ? now : indexedAt,
      previous?.correlationId,
    ),
  };
}
