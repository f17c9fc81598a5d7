import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CanonicalStory, EditorialOverrides, Provenance } from '@lib/contracts';
import { DATA_SOURCE, INSERT_OUTBOX_SQL, ingestedEventRow, outboxParameters } from '@lib/database';

/** The only place overrides touch PostgreSQL. */
@Injectable()
export class OverridesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async find(uri: string): Promise<EditorialOverrides | null> {
    const rows: { overrides: EditorialOverrides }[] = await this.db.query(
      'SELECT overrides FROM editorial_overrides WHERE uri = $1',
      [uri],
    );
    return rows[0]?.overrides ?? null;
  }

  /**
   * Stores the overrides and, when the story exists, queues its latest version again with them
   * in the same transaction, so the enricher re-applies them and the indexer replaces the document.
   */
  async save(
    uri: string,
    overrides: EditorialOverrides,
    correlationId: string,
  ): Promise<{ reemitted: boolean }> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [uri]);
      await manager.query(
        `INSERT INTO editorial_overrides (uri, overrides, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (uri) DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = now()`,
        [uri, overrides],
      );
      const stories: { story: CanonicalStory; provenance: Provenance; content_hash: string }[] =
        await manager.query('SELECT story, provenance, content_hash FROM stories WHERE uri = $1', [
          uri,
        ]);
      const current = stories[0];
      if (!current) return { reemitted: false };
      const row = ingestedEventRow(
        current.story,
        current.provenance,
        current.content_hash,
        overrides,
        correlationId,
      );
      await manager.query(INSERT_OUTBOX_SQL, outboxParameters(row));
      return { reemitted: true };
    });
  }
}
