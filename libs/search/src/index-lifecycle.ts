import type { Client } from '@elastic/elasticsearch';
import { storiesIndexDefinition, versionedIndexName } from './stories-index';
import type { IndexState } from './write-targets';

export interface VersionedIndex {
  index: string;
  version: number;
  state: string | null;
  isAliased: boolean;
}

/** Every `<alias>-v<n>`, oldest first, with its state and whether the alias points at it. */
export async function listVersionedIndexes(
  client: Client,
  alias: string,
): Promise<VersionedIndex[]> {
  const [mappings, aliases] = await Promise.all([
    client.indices.getMapping({
      index: `${alias}-v*`,
      expand_wildcards: ['open', 'closed'],
      allow_no_indices: true,
    }),
    client.indices.getAlias({ name: alias }, { ignore: [404] }),
  ]);
  const pattern = new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-v(\\d+)$`);
  return Object.entries(mappings)
    .flatMap(([index, { mappings: mapping }]) => {
      const match = pattern.exec(index);
      if (!match) return [];
      const state = (mapping._meta as { state?: unknown } | undefined)?.state;
      const entry = (aliases as Record<string, { aliases?: Record<string, unknown> } | undefined>)[
        index
      ];
      return [
        {
          index,
          version: Number(match[1]),
          state: typeof state === 'string' ? state : null,
          isAliased: Boolean(entry?.aliases?.[alias]),
        },
      ];
    })
    .sort((a, b) => a.version - b.version);
}

/**
 * Creates the next `<alias>-v<n>` marked as building, so writers start writing to it too.
 * Refresh is off while it is filled; `finishBuilding` turns it back on.
 */
export async function createBuildingIndex(client: Client, alias: string): Promise<string> {
  const existing = await listVersionedIndexes(client, alias);
  const index = versionedIndexName(alias, (existing.at(-1)?.version ?? 0) + 1);
  const { settings, mappings } = storiesIndexDefinition('-1');
  await client.indices.create({
    index,
    settings,
    mappings: { ...mappings, _meta: { ...mappings._meta, state: 'building' } },
  });
  return index;
}

export async function finishBuilding(
  client: Client,
  index: string,
  refreshInterval: string,
): Promise<void> {
  await client.indices.putSettings({
    index,
    settings: { index: { refresh_interval: refreshInterval } },
  });
  await client.indices.refresh({ index });
}

export async function setIndexState(
  client: Client,
  index: string,
  state: IndexState,
): Promise<void> {
  await client.indices.putMapping({ index, _meta: { state } });
}

/** Moves the alias in one `_aliases` call: readers and writers never see it missing or doubled. */
export async function swapAlias(
  client: Client,
  alias: string,
  from: string[],
  to: string,
): Promise<void> {
  await client.indices.updateAliases({
    actions: [
      ...from.map((index) => ({ remove: { index, alias } })),
      { add: { index: to, alias, is_write_index: true } },
    ],
  });
}
