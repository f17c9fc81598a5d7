import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CanonicalStory,
  type EditorialOverrides,
  type Provenance,
  type WireFormat,
} from '@lib/contracts';
import { DATA_SOURCE } from '@lib/database';
import { INSERT_OUTBOX_SQL, ingestedEventRow, outboxParameters } from '@lib/database';
import type { RawSubmission, StoryResult } from './intake.types';
import { decideVersion, type StoredVersion } from './version-decision';

export interface PreparedStory {
  story: CanonicalStory;
  contentHash: string;
}

/**
 * At most about once a second per source: the health check works in seconds, and a busy wire
 * would otherwise rewrite one row for every story.
 */
const NOTE_SOURCE_ACTIVITY_SQL = `UPDATE sources SET last_item_at = now()
  WHERE name = $1 AND (last_item_at IS NULL OR last_item_at < now() - interval '1 second')`;

/** The only place intake touches PostgreSQL. */
@Injectable()
export class StoryRepository {
  private readonly log = new Logger(StoryRepository.name);

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Stores the raw payload, every accepted story version and its outbox event in one
   * transaction: when this resolves, the stories are durable and their events will be relayed.
   */
  async accept(
    submission: RawSubmission,
    format: WireFormat,
    stories: PreparedStory[],
  ): Promise<{ rawPayloadId: string; results: StoryResult[] }> {
    const accepted = await this.dataSource.transaction(async (manager) => {
      const rawPayloadId = await this.insertRaw(manager, submission, format);
      // Lock each uri in a fixed order so concurrent pushes of overlapping feeds cannot deadlock.
      const uris = [...new Set(stories.map((s) => s.story.uri))].sort();
      for (const uri of uris)
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [uri]);
      const results: StoryResult[] = [];
      for (const prepared of stories) {
        results.push(await this.acceptOne(manager, submission, format, rawPayloadId, prepared));
      }
      return { rawPayloadId, results };
    });
    if (accepted.results.some((r) => r.status === 'accepted'))
      await this.noteSourceActivity(submission.source);
    return accepted;
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
    submission: RawSubmission,
    format: WireFormat,
    rawPayloadId: string,
    prepared: PreparedStory,
  ): Promise<StoryResult> {
    const { story, contentHash } = prepared;
    const rows: { version: number; pubstatus: string; content_hash: string }[] =
      await manager.query('SELECT version, pubstatus, content_hash FROM stories WHERE uri = $1', [
        story.uri,
      ]);
    const current: StoredVersion | null = rows[0]
      ? {
          version: rows[0].version,
          pubstatus: rows[0].pubstatus,
          contentHash: rows[0].content_hash,
        }
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
    await manager.query(
      `INSERT INTO stories (uri, version, pubstatus, content_hash, story, provenance, versioncreated, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (uri) DO UPDATE SET version = EXCLUDED.version, pubstatus = EXCLUDED.pubstatus,
         content_hash = EXCLUDED.content_hash, story = EXCLUDED.story, provenance = EXCLUDED.provenance,
         versioncreated = EXCLUDED.versioncreated, updated_at = now()`,
      [
        accepted.uri,
        accepted.version,
        accepted.pubstatus,
        contentHash,
        accepted,
        provenance,
        accepted.versioncreated,
      ],
    );
    await manager.query(
      `INSERT INTO story_versions (uri, version, pubstatus, content_hash, story, provenance, raw_payload_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        accepted.uri,
        accepted.version,
        accepted.pubstatus,
        contentHash,
        accepted,
        provenance,
        rawPayloadId,
        submission.receivedAt,
      ],
    );
    const overrides: { overrides: EditorialOverrides }[] = await manager.query(
      'SELECT overrides FROM editorial_overrides WHERE uri = $1',
      [accepted.uri],
    );
    const row = ingestedEventRow(
      accepted,
      provenance,
      contentHash,
      overrides[0]?.overrides ?? null,
      submission.correlationId,
    );
    await manager.query(INSERT_OUTBOX_SQL, outboxParameters(row));
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
