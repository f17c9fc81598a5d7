import type { Client } from '@elastic/elasticsearch';
import type { DataSource } from 'typeorm';
import { canonicalStorySchema, provenanceSchema } from '@lib/contracts';
import {
  WRITE_TARGETS_TTL_MS,
  bulkWriteTargets,
  createBuildingIndex,
  documentIdFor,
  ensureTagNamesIndex,
  finishBuilding,
  listVersionedIndexes,
  readPreviousEnrichment,
  rebuildOperation,
  setIndexState,
  swapAlias,
  tagNameDocuments,
  writeTagNames,
  type BulkOperation,
} from '@lib/search';
import type { JobReporter } from './job-reporter';

export interface ReindexOptions {
  alias: string;
  refreshInterval: string;
  batchSize: number;
  verifyTimeoutMs: number;
}

interface StoryRow {
  uri: string;
  version: number;
  pubstatus: string;
  story: unknown;
  provenance: unknown;
}

const WRITE_ATTEMPTS = 5;

export interface ReindexResult {
  ok: boolean;
  /** The index built. */
  index: string;
  /** What the alias pointed to before; kept for rollback. */
  previous: string[];
  written: number;
  stale: number;
  /** Stories missing from the new index or behind their latest version (the first 20). */
  problems: string[];
  indexed: number;
  stored: number;
}

/**
 * Rebuilds the stories index from PostgreSQL into `<alias>-v<n+1>` while live indexing goes on,
 * verifies that every live story is in it at its latest version, swaps the alias in one atomic
 * call and keeps the previous index for rollback. The engine's _reindex is not used: core
 * Elasticsearch does not have it, and PostgreSQL is the truth anyway.
 */
export function runReindex(
  client: Client,
  db: DataSource,
  options: ReindexOptions,
  reporter: JobReporter,
): Promise<ReindexResult> {
  return new Reindex(client, db, options, reporter).run();
}

class Reindex {
  private readonly alias: string;

  constructor(
    private readonly client: Client,
    private readonly db: DataSource,
    private readonly options: ReindexOptions,
    private readonly reporter: JobReporter,
  ) {
    this.alias = options.alias;
  }

  async run(): Promise<ReindexResult> {
    const before = await listVersionedIndexes(this.client, this.alias);
    const current = before.filter((i) => i.isAliased).map((i) => i.index);
    const next = await createBuildingIndex(this.client, this.alias);
    this.reporter.say(
      `building ${next} from PostgreSQL (alias ${this.alias} -> ${current.join(', ') || 'nothing yet'})`,
    );

    // Indexers cache their write targets; once this has passed, every live write reaches the new index too.
    this.reporter.say(
      `waiting ${(WRITE_TARGETS_TTL_MS + 2_000) / 1000} s until every indexer writes to ${next} as well`,
    );
    await sleep(WRITE_TARGETS_TTL_MS + 2_000);

    const copied = await this.copy(next, current.at(-1) ?? null);
    await finishBuilding(this.client, next, this.options.refreshInterval);
    this.reporter.say(
      `copied ${copied.written} stories (${copied.stale} already newer from live indexing, ${copied.invalid.length} unreadable)`,
    );

    const problems = await this.verify(next);
    const [indexed, stored] = await Promise.all([
      this.client.count({ index: next }),
      this.countLiveStories(),
    ]);
    const summary = {
      index: next,
      previous: current,
      written: copied.written,
      stale: copied.stale,
      indexed: indexed.count,
      stored,
    };
    if (problems.length > 0 || copied.invalid.length > 0) {
      await setIndexState(this.client, next, 'abandoned');
      this.reporter.say(
        `verification failed: ${indexed.count} documents in ${next}, ${stored} live stories in PostgreSQL`,
      );
      for (const uri of [...copied.invalid, ...problems].slice(0, 20))
        this.reporter.say(`  missing or behind: ${uri}`);
      this.reporter.say(
        `${next} is marked abandoned and receives no more writes; the alias still points to ${current.join(', ') || 'nothing'}`,
      );
      return { ...summary, ok: false, problems: [...copied.invalid, ...problems].slice(0, 20) };
    }
    this.reporter.say(
      `verified: every live story is in ${next} at its latest version (${indexed.count} documents, ${stored} live stories in PostgreSQL)`,
    );

    await swapAlias(this.client, this.alias, current, next);
    await setIndexState(this.client, next, 'live');
    for (const index of current) await setIndexState(this.client, index, 'retired');
    this.reporter.say(
      `swapped: alias ${this.alias} -> ${next}${current.length > 0 ? `; ${current.join(', ')} kept for rollback` : ''}`,
    );
    return { ...summary, ok: true, problems: [] };
  }

  /** Copies every live story, in uri order, with the enrichment the current index holds for it. */
  private async copy(
    next: string,
    previous: string | null,
  ): Promise<{ written: number; stale: number; invalid: string[] }> {
    const total = await this.countLiveStories();
    this.reporter.progress(0, total);
    const result = { written: 0, stale: 0, invalid: [] as string[] };
    // Names are written with the stories, so a rebuild also fills an empty tag names index.
    await ensureTagNamesIndex(this.client, this.alias);
    let after = '';
    for (;;) {
      const rows: StoryRow[] = await this.db.query(
        `SELECT uri, version, pubstatus, story, provenance FROM stories
         WHERE pubstatus = 'usable' AND uri > $1 ORDER BY uri LIMIT $2`,
        [after, this.options.batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].uri;
      const enrichment = await readPreviousEnrichment(
        this.client,
        previous,
        rows.map((r) => r.uri),
      );
      const now = new Date();
      const operations: BulkOperation[] = [];
      for (const row of rows) {
        const story = canonicalStorySchema.safeParse({
          ...(row.story as object),
          version: row.version,
        });
        const provenance = provenanceSchema.safeParse(row.provenance);
        if (story.success && provenance.success)
          operations.push(
            rebuildOperation(story.data, provenance.data, enrichment.get(row.uri), now),
          );
        else result.invalid.push(row.uri);
      }
      await writeTagNames(
        this.client,
        this.alias,
        tagNameDocuments(rows.flatMap((row) => enrichment.get(row.uri)?.enrichment.tags ?? [])),
      );
      const outcome = await this.write(next, operations);
      result.written += outcome.written;
      result.stale += outcome.stale;
      result.invalid.push(...outcome.rejected);
      const done = result.written + result.stale + result.invalid.length;
      this.reporter.progress(done, Math.max(done, total));
    }
    return result;
  }

  /** The copy's own writes are `external`: a live write of the same or a newer version wins. */
  private async write(
    index: string,
    operations: BulkOperation[],
  ): Promise<{ written: number; stale: number; rejected: string[] }> {
    const outcome = { written: 0, stale: 0, rejected: [] as string[] };
    let pending = operations;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const results = await bulkWriteTargets(
        this.client,
        [{ index, versionType: 'external' }],
        pending,
      );
      const retry: BulkOperation[] = [];
      results.forEach((result, i) => {
        const op = pending[i];
        if (result.status === 'written') outcome.written += 1;
        else if (result.status === 'stale') outcome.stale += 1;
        else if (result.status === 'retry' && attempt < WRITE_ATTEMPTS) retry.push(op);
        else outcome.rejected.push(`${op.id} (${result.reason})`);
      });
      pending = retry;
      if (pending.length > 0) await sleep(200 * 2 ** attempt);
    }
    return outcome;
  }

  /**
   * Every live story in PostgreSQL must be in the new index at its latest version. Stories whose
   * newest version is still on its way through the pipeline are checked again until the timeout.
   */
  private async verify(index: string): Promise<string[]> {
    await this.client.indices.refresh({ index });
    let suspects: string[] = [];
    let after = '';
    for (;;) {
      const rows: { uri: string; version: number }[] = await this.db.query(
        `SELECT uri, version FROM stories WHERE pubstatus = 'usable' AND uri > $1 ORDER BY uri LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].uri;
      suspects.push(...(await this.behind(index, rows)));
    }
    const deadline = Date.now() + this.options.verifyTimeoutMs;
    while (suspects.length > 0 && Date.now() < deadline) {
      await sleep(1_000);
      await this.client.indices.refresh({ index });
      const rows: { uri: string; version: number; pubstatus: string }[] = await this.db.query(
        `SELECT uri, version, pubstatus FROM stories WHERE uri = ANY($1)`,
        [suspects],
      );
      const killed = new Set(rows.filter((r) => r.pubstatus !== 'usable').map((r) => r.uri));
      const stillKilledButPresent = await this.present(index, [...killed]);
      suspects = [
        ...(await this.behind(
          index,
          rows.filter((r) => r.pubstatus === 'usable'),
        )),
        ...stillKilledButPresent,
      ];
    }
    return suspects;
  }

  private async behind(index: string, rows: { uri: string; version: number }[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const response = await this.client.mget({
      index,
      ids: rows.map((r) => documentIdFor(r.uri)),
      _source: false,
    });
    return rows
      .filter((row, i) => {
        const doc = response.docs[i];
        return !doc || !('found' in doc) || !doc.found || (doc._version ?? 0) < row.version;
      })
      .map((row) => row.uri);
  }

  private async present(index: string, uris: string[]): Promise<string[]> {
    if (uris.length === 0) return [];
    const response = await this.client.mget({
      index,
      ids: uris.map(documentIdFor),
      _source: false,
    });
    return uris.filter((_, i) => {
      const doc = response.docs[i];
      return doc !== undefined && 'found' in doc && doc.found;
    });
  }

  private async countLiveStories(): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM stories WHERE pubstatus = 'usable'`,
    );
    return rows[0]?.n ?? 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
