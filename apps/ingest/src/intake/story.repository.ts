import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CanonicalStory,
  type EditorialOverrides,
  type Provenance,
  type WireFormat,
} from '@lib/contracts';
import { DATA_SOURCE, ingestedEventRow, insertOutboxSql, outboxParameters } from '@lib/database';
import type { RawSubmission, StoryResult } from './intake.types';
import { decideVersion, type StoredVersion } from './version-decision';

export interface PreparedStory {
  story: CanonicalStory;
  contentHash: string;
}

/** A submission that parsed, with its stories. */
export interface ParsedItem {
  submission: RawSubmission;
  format: WireFormat;
  stories: PreparedStory[];
}

/** What became of a parsed item once stored. */
export interface KeptItem {
  rawPayloadId: string;
  results: StoryResult[];
}

/**
 * At most about once a second per source: the health check works in seconds, and a busy wire
 * would otherwise rewrite one row for every story.
 */
const NOTE_SOURCE_ACTIVITY_SQL = `UPDATE sources SET last_item_at = now()
  WHERE name = $1 AND (last_item_at IS NULL OR last_item_at < now() - interval '1 second')`;

/** Advisory locks on every uri of a push, taken in the array's order, in one round trip. */
const LOCK_URIS_SQL = `SELECT count(pg_advisory_xact_lock(hashtextextended(uri, 0)))
  FROM unnest($1::text[]) AS uri`;

/** The current version of a story and the editors' overrides for it, in one round trip. */
const READ_CURRENT_SQL = `SELECT s.version, s.pubstatus, s.content_hash, o.overrides
  FROM (SELECT $1::text AS uri) AS wanted
  LEFT JOIN stories s ON s.uri = wanted.uri
  LEFT JOIN editorial_overrides o ON o.uri = wanted.uri`;

/**
 * An accepted version: its history row, the current row and the outbox event, in one statement
 * (data-modifying CTEs run exactly once) so the story's JSON is sent and parsed once, not twice.
 */
const WRITE_VERSION_SQL = `WITH history AS (
    INSERT INTO story_versions (uri, version, pubstatus, content_hash, story, provenance, raw_payload_id, received_at)
    VALUES ($1, $2, $3, $4, $5, $6, $8, $9) ON CONFLICT DO NOTHING
  ), current AS (
    INSERT INTO stories (uri, version, pubstatus, content_hash, story, provenance, versioncreated, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, now())
    ON CONFLICT (uri) DO UPDATE SET version = EXCLUDED.version, pubstatus = EXCLUDED.pubstatus,
      content_hash = EXCLUDED.content_hash, story = EXCLUDED.story, provenance = EXCLUDED.provenance,
      versioncreated = EXCLUDED.versioncreated, updated_at = now()
  )
  ${insertOutboxSql(10)}`;

interface CurrentRow {
  version: number | null;
  pubstatus: string | null;
  content_hash: string | null;
  overrides: EditorialOverrides | null;
}

/**
 * The only place intake touches PostgreSQL. A transaction takes its locks in one round trip, then
 * per item one for its raw payload and per story one read and one write.
 */
@Injectable()
export class StoryRepository {
  private readonly log = new Logger(StoryRepository.name);

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Stores each item's raw payload, every accepted story version and its outbox event in one
   * transaction: when this resolves, the stories are durable and their events will be relayed.
   * Several items share the transaction (and its commit's flush to disk); results come per item,
   * in order.
   */
  async accept(items: ParsedItem[]): Promise<KeptItem[]> {
    if (items.length === 0) return [];
    const kept = await this.dataSource.transaction(async (manager) => {
      // Lock each uri in a fixed order so concurrent pushes of overlapping feeds cannot deadlock.
      const uris = [...new Set(items.flatMap((i) => i.stories.map((s) => s.story.uri)))].sort();
      await manager.query(LOCK_URIS_SQL, [uris]);
      const keptItems: KeptItem[] = [];
      for (const item of items) {
        const rawPayloadId = await this.insertRaw(manager, item.submission, item.format);
        const results: StoryResult[] = [];
        for (const prepared of item.stories) {
          results.push(await this.acceptOne(manager, item, rawPayloadId, prepared));
        }
        keptItems.push({ rawPayloadId, results });
      }
      return keptItems;
    });
    const activeSources = new Set(
      items
        .filter((_, i) => kept[i].results.some((r) => r.status === 'accepted'))
        .map((item) => item.submission.source),
    );
    for (const source of activeSources) await this.noteSourceActivity(source);
    return kept;
  }

  /**
   * The source's last item time, for its health check. Written after the stories' transaction,
   * not in it: there, every push of one source waited on that row until the push before it had
   * committed. A failure here does not undo an accepted push, so it is logged, not thrown.
   */
  private async noteSourceActivity(source: string): Promise<void> {
    try {
      await this.dataSource.query(NOTE_SOURCE_ACTIVITY_SQL, [source]);
    } catch (error) {
      this.log.warn(`could not record the last item time of source ${source}: ${String(error)}`);
    }
  }

  async reject(
    submission: RawSubmission,
    format: string | null,
    code: string,
    message: string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const rawPayloadId = await this.insertRaw(manager, submission, format);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO rejected_items (source, format, error_code, error_message, raw_payload_id, received_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [submission.source, format, code, message, rawPayloadId, submission.receivedAt],
      );
      return rows[0].id;
    });
  }

  private async acceptOne(
    manager: EntityManager,
    { submission, format }: ParsedItem,
    rawPayloadId: string,
    prepared: PreparedStory,
  ): Promise<StoryResult> {
    const { story, contentHash } = prepared;
    const [row]: CurrentRow[] = await manager.query(READ_CURRENT_SQL, [story.uri]);
    const current: StoredVersion | null =
      row.version !== null && row.pubstatus !== null && row.content_hash !== null
        ? { version: row.version, pubstatus: row.pubstatus, contentHash: row.content_hash }
        : null;
    const decision = decideVersion(current, {
      version: story.version,
      pubstatus: story.pubstatus,
      contentHash,
    });
    if (decision.outcome !== 'accepted') {
      return {
        uri: story.uri,
        version: decision.version,
        status: decision.outcome,
        pubstatus: story.pubstatus,
      };
    }
    const accepted: CanonicalStory = { ...story, version: decision.version };
    const provenance: Provenance = {
      source: submission.source,
      format,
      receivedAt: submission.receivedAt.toISOString(),
      rawPayloadId,
      transport: submission.transport,
    };
    const event = ingestedEventRow(
      accepted,
      provenance,
      contentHash,
      row.overrides,
      submission.correlationId,
    );
    await manager.query(WRITE_VERSION_SQL, [
      accepted.uri,
      accepted.version,
      accepted.pubstatus,
      contentHash,
      accepted,
      provenance,
      accepted.versioncreated,
      rawPayloadId,
      submission.receivedAt,
      ...outboxParameters(event),
    ]);
    return {
      uri: accepted.uri,
      version: accepted.version,
      status: 'accepted',
      pubstatus: accepted.pubstatus,
    };
  }

  private async insertRaw(
    manager: EntityManager,
    submission: RawSubmission,
    format: string | null,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO raw_payloads (source, format, content_type, filename, transport, bytes, sha256, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        submission.source,
        format,
        submission.contentType ?? null,
        submission.filename ?? null,
        submission.transport,
        submission.bytes,
        createHash('sha256').update(submission.bytes).digest('hex'),
        submission.receivedAt,
      ],
    );
    return rows[0].id;
  }
}
