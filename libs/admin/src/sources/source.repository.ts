import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@lib/database';
import type { AuthenticatedSource, RegisterSource, SourceKind, SourceView } from './source.types';

interface SourceRow {
  id: string;
  name: string;
  kind: SourceKind;
  provider: string | null;
  format: string | null;
  url: string | null;
  folder: string | null;
  interval_seconds: number;
  idle_window_seconds: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  last_item_at: Date | null;
  consecutive_failures: number;
  last_error: string | null;
  revoked_at: Date | null;
  created_at: Date;
}

/** A feed claimed for one poll: its conditional-GET validators and where it lives. */
export interface DueFeed {
  id: string;
  name: string;
  url: string;
  provider: string | null;
  format: string | null;
  etag: string | null;
  lastModified: string | null;
  intervalSeconds: number;
  consecutiveFailures: number;
}

export class DuplicateSourceError extends Error {
  constructor(readonly sourceName: string) {
    super(`a source named "${sourceName}" already exists`);
  }
}

/** The only place sources touch PostgreSQL. */
@Injectable()
export class SourceRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async register(source: RegisterSource, apiKeyHash: string | null): Promise<SourceView> {
    try {
      const rows: SourceRow[] = await this.db.query(
        `INSERT INTO sources (name, kind, provider, format, url, folder, interval_seconds, idle_window_seconds, api_key_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          source.name,
          source.kind,
          source.provider ?? null,
          source.format ?? null,
          source.url ?? null,
          source.folder ?? null,
          source.intervalSeconds,
          source.idleWindowSeconds,
          apiKeyHash,
        ],
      );
      return toView(rows[0]);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new DuplicateSourceError(source.name);
      throw error;
    }
  }

  async list(): Promise<SourceView[]> {
    const rows: SourceRow[] = await this.db.query('SELECT * FROM sources ORDER BY name');
    return rows.map(toView);
  }

  async revoke(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      'UPDATE sources SET revoked_at = now(), api_key_hash = NULL WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id],
    );
    return rows.length > 0;
  }

  async findByKeyHash(hash: string): Promise<AuthenticatedSource | null> {
    const rows: AuthenticatedSource[] = await this.db.query(
      'SELECT id, name, provider, format FROM sources WHERE api_key_hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    return rows[0] ?? null;
  }

  /**
   * Claims feeds due for a poll by moving their next poll into the future in the same
   * statement, so with several ingest replicas each feed is polled by exactly one of them.
   */
  async claimDueFeeds(limit: number): Promise<DueFeed[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [(SourceRow & { url: string })[], number] = await this.db.query(
      `UPDATE sources SET next_poll_at = now() + make_interval(secs => interval_seconds)
       WHERE id IN (
         SELECT id FROM sources
         WHERE kind = 'feed' AND revoked_at IS NULL AND next_poll_at <= now()
         ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      url: r.url,
      provider: r.provider,
      format: r.format,
      etag: r.etag,
      lastModified: r.last_modified,
      intervalSeconds: r.interval_seconds,
      consecutiveFailures: r.consecutive_failures,
    }));
  }

  async recordPollSuccess(
    id: string,
    validators: { etag: string | null; lastModified: string | null },
    hadItems: boolean,
  ): Promise<void> {
    await this.db.query(
      `UPDATE sources SET etag = $2, last_modified = $3, last_polled_at = now(), consecutive_failures = 0, last_error = NULL,
         last_item_at = CASE WHEN $4 THEN now() ELSE last_item_at END
       WHERE id = $1`,
      [id, validators.etag, validators.lastModified, hadItems],
    );
  }

  /** A failing feed is retried later and later (capped at an hour), not hammered every interval. */
  async recordPollFailure(id: string, message: string, retryInSeconds: number): Promise<void> {
    await this.db.query(
      `UPDATE sources SET consecutive_failures = consecutive_failures + 1, last_error = $2, last_polled_at = now(),
         next_poll_at = now() + make_interval(secs => $3)
       WHERE id = $1`,
      [id, message.slice(0, 1000), retryInSeconds],
    );
  }

  async folderSources(): Promise<
    { name: string; folder: string; provider: string | null; format: string | null }[]
  > {
    return this.db.query(
      `SELECT name, folder, provider, format FROM sources WHERE kind = 'folder' AND revoked_at IS NULL AND folder IS NOT NULL`,
    );
  }
}

function toView(row: SourceRow): SourceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    provider: row.provider,
    format: row.format,
    url: row.url,
    folder: row.folder,
    intervalSeconds: row.interval_seconds,
    idleWindowSeconds: row.idle_window_seconds,
    lastPolledAt: row.last_polled_at?.toISOString() ?? null,
    lastItemAt: row.last_item_at?.toISOString() ?? null,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
