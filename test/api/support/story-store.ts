import { createHash } from 'node:crypto';
import type { Client as SearchClient } from '@elastic/elasticsearch';
import type { Client as PgClient } from 'pg';
import type { StoryEnrichedV1Payload } from '@lib/contracts';
import {
  bulkWrite,
  documentIdFor,
  ensureTagNamesIndex,
  tagNameDocuments,
  tagNamesIndexFor,
  toSearchDocument,
  writeTagNames,
} from '@lib/search';

/**
 * Writes stories the way the pipeline does: ingest's tables in PostgreSQL (the story, every
 * version, the raw payload) and the indexer's bulk write with the version as external version
 * (a kill deletes).
 */
export class StoryStore {
  constructor(
    private readonly db: PgClient,
    private readonly search: SearchClient,
    private readonly alias: string,
  ) {}

  /** PostgreSQL first, then the index, as the pipeline would. */
  async publish(...payloads: StoryEnrichedV1Payload[]): Promise<void> {
    for (const payload of payloads) await this.record(payload);
    await this.index(...payloads);
  }

  async record(payload: StoryEnrichedV1Payload): Promise<void> {
    const { story, provenance } = payload;
    const bytes = Buffer.from(JSON.stringify(story));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const raw = await this.db.query<{ id: string }>(
      `INSERT INTO raw_payloads (source, format, content_type, transport, bytes, sha256, received_at)
       VALUES ($1, $2, 'application/json', $3, $4, $5, $6) RETURNING id`,
      [
        provenance.source,
        provenance.format,
        provenance.transport,
        bytes,
        hash,
        story.versioncreated,
      ],
    );
    const rawPayloadId = raw.rows[0].id;
    const recorded = { ...provenance, rawPayloadId };
    await this.db.query(
      `INSERT INTO story_versions (uri, version, pubstatus, content_hash, story, provenance, raw_payload_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        story.uri,
        story.version,
        story.pubstatus,
        hash,
        story,
        recorded,
        rawPayloadId,
        story.versioncreated,
      ],
    );
    await this.db.query(
      `INSERT INTO stories (uri, version, pubstatus, content_hash, story, provenance, versioncreated, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (uri) DO UPDATE SET version = EXCLUDED.version, pubstatus = EXCLUDED.pubstatus,
         content_hash = EXCLUDED.content_hash, story = EXCLUDED.story, provenance = EXCLUDED.provenance,
         versioncreated = EXCLUDED.versioncreated, updated_at = now()
       WHERE stories.version < EXCLUDED.version`,
      [story.uri, story.version, story.pubstatus, hash, story, recorded, story.versioncreated],
    );
  }

  /** Tag names first, as the indexer writes them, then the stories. */
  async index(...payloads: StoryEnrichedV1Payload[]): Promise<void> {
    await ensureTagNamesIndex(this.search, this.alias);
    await writeTagNames(
      this.search,
      this.alias,
      tagNameDocuments(
        payloads.flatMap((p) => (p.story.pubstatus === 'usable' ? p.enrichment.tags : [])),
      ),
    );
    const results = await bulkWrite(
      this.search,
      this.alias,
      payloads.map((payload) => {
        const id = documentIdFor(payload.story.uri);
        const version = payload.story.version;
        return payload.story.pubstatus === 'usable'
          ? { kind: 'index' as const, id, version, document: toSearchDocument(payload, new Date()) }
          : { kind: 'delete' as const, id, version };
      }),
    );
    const failed = results.filter((r) => r.status === 'retry' || r.status === 'rejected');
    if (failed.length > 0) throw new Error(`bulk write failed: ${JSON.stringify(failed)}`);
    await this.search.indices.refresh({ index: [this.alias, tagNamesIndexFor(this.alias)] });
  }
}
