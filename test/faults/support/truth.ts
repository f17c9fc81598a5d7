import { Client as SearchClient } from '@elastic/elasticsearch';
import { Client as PgClient } from 'pg';
import { FAULT_ALIAS, FAULT_DATABASE_URL, FAULT_INFRA } from './fault-env';
import type { StoryState } from './reuters-stream';

export interface TruthReport {
  /** Rows in `stories` (PostgreSQL, the truth). */
  stories: number;
  usable: number;
  killed: number;
  /** Documents behind the alias. */
  indexed: number;
  /** Usable stories absent from the index. */
  missing: string[];
  /** Indexed at another version than PostgreSQL holds (`_version` or the document's own field). */
  wrongVersion: string[];
  /** Indexed although killed or unknown to PostgreSQL. */
  extra: string[];
  /** Uris with more than one document. */
  duplicates: string[];
  /** Outbox rows not relayed yet. */
  outbox: number;
}

export function isConsistent(report: TruthReport): boolean {
  return (
    report.missing.length === 0 &&
    report.wrongVersion.length === 0 &&
    report.extra.length === 0 &&
    report.duplicates.length === 0 &&
    report.indexed === report.usable &&
    report.outbox === 0
  );
}

export function describeReport(report: TruthReport): string {
  const sample = (list: string[]) =>
    `${list.length}${list.length ? ` (e.g. ${list.slice(0, 5).join(', ')})` : ''}`;
  return (
    `stories ${report.stories} (usable ${report.usable}, killed ${report.killed}), indexed ${report.indexed}, ` +
    `missing ${sample(report.missing)}, wrong version ${sample(report.wrongVersion)}, extra ${sample(report.extra)}, ` +
    `duplicates ${sample(report.duplicates)}, outbox ${report.outbox}`
  );
}

interface IndexedDoc {
  uri: string;
  externalVersion: number;
  version: number;
}

/** Reads both stores whole and compares them story by story. */
export class Truth {
  readonly db = new PgClient({ connectionString: FAULT_DATABASE_URL });
  readonly search = new SearchClient({ node: FAULT_INFRA.esNode, requestTimeout: 30_000 });

  async open(): Promise<void> {
    await this.db.connect();
  }

  async close(): Promise<void> {
    await this.db.end();
    await this.search.close();
  }

  async storyStates(): Promise<Map<string, StoryState>> {
    const rows = await this.db.query<{
      uri: string;
      version: number;
      pubstatus: 'usable' | 'canceled';
    }>('SELECT uri, version, pubstatus FROM stories');
    return new Map(rows.rows.map((r) => [r.uri, { version: r.version, pubstatus: r.pubstatus }]));
  }

  async compare(): Promise<TruthReport> {
    const [states, outbox, docs] = await Promise.all([
      this.storyStates(),
      this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox'),
      this.indexedDocuments(),
    ]);
    const byUri = new Map<string, IndexedDoc[]>();
    for (const doc of docs) byUri.set(doc.uri, [...(byUri.get(doc.uri) ?? []), doc]);
    const report: TruthReport = {
      stories: states.size,
      usable: 0,
      killed: 0,
      indexed: docs.length,
      missing: [],
      wrongVersion: [],
      extra: [],
      duplicates: [],
      outbox: outbox.rows[0].n,
    };
    for (const [uri, state] of states) {
      const found = byUri.get(uri) ?? [];
      if (state.pubstatus === 'usable') {
        report.usable += 1;
        if (found.length === 0) report.missing.push(uri);
        else if (
          found.some((d) => d.externalVersion !== state.version || d.version !== state.version)
        )
          report.wrongVersion.push(uri);
      } else {
        report.killed += 1;
        if (found.length > 0) report.extra.push(uri);
      }
    }
    for (const [uri, found] of byUri) {
      if (found.length > 1) report.duplicates.push(uri);
      if (!states.has(uri)) report.extra.push(uri);
    }
    return report;
  }

  /** Polls until the index equals PostgreSQL's truth; resolves with the last report and the wait. */
  async waitForConsistency(timeoutMs: number): Promise<{ report: TruthReport; waitedMs: number }> {
    const startedAt = Date.now();
    let report = await this.compare();
    while (!isConsistent(report) && Date.now() - startedAt < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      report = await this.compare();
    }
    return { report, waitedMs: Date.now() - startedAt };
  }

  /** Every document behind the alias, read with a scroll after a refresh. */
  private async indexedDocuments(): Promise<IndexedDoc[]> {
    const exists = await this.search.indices.existsAlias({ name: FAULT_ALIAS });
    if (!exists) return [];
    await this.search.indices.refresh({ index: FAULT_ALIAS });
    const docs: IndexedDoc[] = [];
    let page = await this.search.search<{ uri: string; version: number }>({
      index: FAULT_ALIAS,
      scroll: '1m',
      size: 5_000,
      version: true,
      _source: ['uri', 'version'],
      query: { match_all: {} },
    });
    try {
      while (page.hits.hits.length > 0) {
        for (const hit of page.hits.hits) {
          docs.push({
            uri: hit._source?.uri ?? `?${hit._id ?? ''}`,
            externalVersion: hit._version ?? -1,
            version: hit._source?.version ?? -1,
          });
        }
        if (!page._scroll_id) break;
        page = await this.search.scroll<{ uri: string; version: number }>({
          scroll_id: page._scroll_id,
          scroll: '1m',
        });
      }
    } finally {
      if (page._scroll_id)
        await this.search.clearScroll({ scroll_id: page._scroll_id }).catch(() => undefined);
    }
    return docs;
  }
}

/** Stories whose PostgreSQL state differs from what the test pushed (lost or mangled at the front door). */
export function divergences(
  expected: Map<string, StoryState>,
  actual: Map<string, StoryState>,
): string[] {
  const out: string[] = [];
  for (const [uri, want] of expected) {
    const got = actual.get(uri);
    if (!got) out.push(`${uri}: absent`);
    else if (got.version !== want.version || got.pubstatus !== want.pubstatus)
      out.push(
        `${uri}: ${got.pubstatus} v${got.version}, pushed ${want.pubstatus} v${want.version}`,
      );
  }
  return out;
}
