import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@lib/database';
import { DataSource } from 'typeorm';
import type { StreamEvent } from './stream-event';
import type { StreamPosition } from './stream-position';

interface KillRow {
  uri: string;
  version: number;
  pubstatus: string;
  headline: string | null;
  source: string | null;
  provider: string | null;
  versioncreated: string | null;
  at: string;
}

// Milliseconds since the epoch, as the index stores times; uri in byte order, as the index sorts keywords.
const AT = `floor(extract(epoch from updated_at) * 1000)::bigint`;

/**
 * Kills, read from PostgreSQL: the index only deletes a killed story, so it keeps no trace of
 * when. `updated_at` is when ingest accepted the kill.
 */
@Injectable()
export class KillEventsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async after(position: StreamPosition, until: number, limit: number): Promise<StreamEvent[]> {
    const after =
      position.uri === null
        ? `${AT} > $3`
        : `(${AT}, uri COLLATE "C") > ($3::bigint, $4::text COLLATE "C")`;
    const rows: KillRow[] = await this.dataSource.query(
      `SELECT uri, version, pubstatus, story->>'headline' AS headline, provenance->>'source' AS source,
              story->>'provider' AS provider, story->>'versioncreated' AS versioncreated, ${AT} AS at
       FROM stories
       WHERE pubstatus <> 'usable' AND ${AT} <= $1 AND ${after}
       ORDER BY at, uri COLLATE "C"
       LIMIT $2`,
      [until, limit, position.at, ...(position.uri === null ? [] : [position.uri])],
    );
    return rows.map((row) => ({
      type: 'killed',
      at: Number(row.at),
      uri: row.uri,
      version: row.version,
      pubstatus: row.pubstatus,
      headline: row.headline ?? '',
      source: row.source ?? undefined,
      provider: row.provider ?? undefined,
      versioncreated: row.versioncreated ?? undefined,
    }));
  }
}
