import type { Client, estypes } from '@elastic/elasticsearch';
import type { WriteTarget } from './write-targets';

export type BulkOperation =
  | { kind: 'index'; id: string; version: number; document: object }
  | { kind: 'delete'; id: string; version: number };

/** How one bulk item ended: written (or already newer), worth retrying, or never going to fit. */
export type BulkItemResult =
  | { status: 'written' }
  | { status: 'stale' }
  | { status: 'retry'; reason: string }
  | { status: 'rejected'; reason: string };

/**
 * Writes with the story version as external version, so a replayed or late older version can
 * never overwrite a newer one. Each item is judged on its own: a version conflict means the
 * index already holds this or a newer version (success); 429 and 5xx are retried; a mapping
 * error is the document's fault and will not get better.
 */
export async function bulkWrite(
  client: Client,
  index: string,
  operations: BulkOperation[],
): Promise<BulkItemResult[]> {
  return bulkWriteTargets(client, [{ index, versionType: 'external_gte' }], operations);
}

/**
 * The same operations to several indexes in one bulk request (an index being rebuilt receives
 * every live write too). An operation's result is the worst over its targets.
 */
export async function bulkWriteTargets(
  client: Client,
  targets: WriteTarget[],
  operations: BulkOperation[],
): Promise<BulkItemResult[]> {
  if (operations.length === 0) return [];
  if (targets.length === 0) throw new Error('no index to write to');
  const body: estypes.BulkRequest['operations'] = [];
  for (const target of targets) {
    for (const op of operations) {
      const meta = {
        _index: target.index,
        _id: op.id,
        version: op.version,
        version_type: target.versionType,
      };
      if (op.kind === 'index') body.push({ index: meta }, op.document);
      else body.push({ delete: meta });
    }
  }
  const response = await client.bulk({ operations: body, refresh: false });
  const judged = response.items.map((item) => judge(Object.values(item)[0]));
  return operations.map((_, i) => worst(targets.map((__, t) => judged[t * operations.length + i])));
}

/** Rejected beats retry beats success; written on any target beats stale everywhere. */
function worst(results: (BulkItemResult | undefined)[]): BulkItemResult {
  const all = results.map(
    (r): BulkItemResult => r ?? { status: 'retry', reason: 'missing bulk item' },
  );
  return (
    all.find((r) => r.status === 'rejected') ??
    all.find((r) => r.status === 'retry') ??
    all.find((r) => r.status === 'written') ?? { status: 'stale' }
  );
}

function judge(item: estypes.BulkResponseItem | undefined): BulkItemResult {
  if (!item) return { status: 'retry', reason: 'missing bulk item' };
  const status = item.status;
  if (status >= 200 && status < 300) return { status: 'written' };
  // A delete of a story never indexed is already in the state we want.
  if (status === 404 && item.result === 'not_found') return { status: 'written' };
  if (status === 409) return { status: 'stale' };
  const reason = `${status} ${item.error?.type ?? ''}: ${item.error?.reason ?? ''}`.trim();
  if (status === 429 || status >= 500) return { status: 'retry', reason };
  return { status: 'rejected', reason };
}
