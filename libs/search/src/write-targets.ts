import type { Client } from '@elastic/elasticsearch';

/** Where an index sits in its life: behind the alias, being rebuilt, or kept for rollback. */
export type IndexState = 'live' | 'building' | 'retired' | 'abandoned';

export interface WriteTarget {
  index: string;
  /**
   * Live writes use `external_gte`: an older version never replaces a newer one, while the same
   * version re-enriched (an editorial override, a back-link, a replay after a model change)
   * replaces its earlier enrichment. A rebuild's copies use `external`, so they never replace a
   * live write of the same or a newer version.
   */
  versionType: 'external' | 'external_gte';
}

/** How long writers may cache their targets; a rebuild waits longer than this before copying. */
export const WRITE_TARGETS_TTL_MS = 5_000;

/** The alias's index(es), plus every `<alias>-v<n>` whose mapping says it is being built. */
export async function resolveWriteTargets(client: Client, alias: string): Promise<WriteTarget[]> {
  const [aliases, mappings] = await Promise.all([
    client.indices.getAlias({ name: alias }, { ignore: [404] }),
    client.indices.getMapping({
      index: `${alias}-v*`,
      expand_wildcards: 'open',
      allow_no_indices: true,
    }),
  ]);
  const aliased = Object.entries(aliases)
    .filter(
      ([, entry]) =>
        typeof entry === 'object' && entry !== null && 'aliases' in entry && alias in entry.aliases,
    )
    .map(([index, entry]) => ({
      index,
      isWriteIndex: entry.aliases[alias]?.is_write_index === true,
    }));
  const writeIndexes = aliased.some((a) => a.isWriteIndex)
    ? aliased.filter((a) => a.isWriteIndex)
    : aliased;
  const targets: WriteTarget[] = writeIndexes.map(({ index }) => ({
    index,
    versionType: 'external_gte',
  }));
  for (const [index, { mappings: mapping }] of Object.entries(mappings).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const state = (mapping._meta as { state?: unknown } | undefined)?.state;
    if (state === 'building' && !targets.some((t) => t.index === index))
      targets.push({ index, versionType: 'external_gte' });
  }
  return targets;
}

/** Caches the targets for a few seconds: one lookup per interval instead of one per bulk. */
export class WriteTargetCache {
  private cached: { targets: WriteTarget[]; until: number } | null = null;
  private pending: Promise<WriteTarget[]> | null = null;

  constructor(
    private readonly client: Client,
    private readonly alias: string,
    private readonly ttlMs = WRITE_TARGETS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<WriteTarget[]> {
    if (this.cached && this.cached.until > this.now()) return this.cached.targets;
    this.pending ??= resolveWriteTargets(this.client, this.alias).finally(() => {
      this.pending = null;
    });
    const targets = await this.pending;
    // An empty answer is not cached: the first index may be about to appear.
    this.cached = targets.length > 0 ? { targets, until: this.now() + this.ttlMs } : null;
    return targets;
  }
}
