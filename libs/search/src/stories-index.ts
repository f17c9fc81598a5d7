import type { Client, estypes } from '@elastic/elasticsearch';
import definitionJson from './stories.index.json';

export interface IndexDefinition {
  settings: estypes.IndicesIndexSettings & { index: { refresh_interval: string } };
  mappings: estypes.MappingTypeMapping;
}

// The JSON file is the single source of truth; its literal types are checked by the engine.
const definition = definitionJson as unknown as IndexDefinition;

/** The one index definition, shared by tests, docker compose and Kubernetes. */
export function storiesIndexDefinition(refreshInterval?: string): IndexDefinition {
  const copy = structuredClone(definition);
  if (refreshInterval) copy.settings.index.refresh_interval = refreshInterval;
  return copy;
}

export function versionedIndexName(alias: string, version: number): string {
  return `${alias}-v${version}`;
}

/**
 * Makes sure the alias points at a write index, creating `<alias>-v1` the first time.
 * Two indexers racing here both end up with the same index.
 */
export async function ensureStoriesIndex(
  client: Client,
  alias: string,
  refreshInterval?: string,
): Promise<string> {
  const existing = await currentIndexOf(client, alias);
  if (existing) {
    await addMissingFields(client, existing);
    return existing;
  }
  const index = versionedIndexName(alias, 1);
  const { settings, mappings } = storiesIndexDefinition(refreshInterval);
  try {
    await client.indices.create({
      index,
      settings,
      mappings,
      aliases: { [alias]: { is_write_index: true } },
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  return index;
}

/**
 * Gives an index created from an earlier definition the fields added to it since (a new field
 * is a mapping change the engine takes in place; anything else needs a reindex).
 */
export async function addMissingFields(client: Client, index: string): Promise<string[]> {
  const current = await client.indices.getMapping({ index });
  const have = Object.values(current)[0]?.mappings.properties ?? {};
  const wanted = definition.mappings.properties ?? {};
  const missing = Object.keys(wanted).filter((field) => !(field in have));
  if (missing.length > 0)
    await client.indices.putMapping({
      index,
      properties: Object.fromEntries(missing.map((field) => [field, wanted[field]])),
    });
  return missing;
}

export async function currentIndexOf(client: Client, alias: string): Promise<string | null> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return null;
  const aliases = await client.indices.getAlias({ name: alias });
  return Object.keys(aliases).sort().pop() ?? null;
}

function isAlreadyExists(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'body' in error &&
    JSON.stringify(error.body).includes('resource_already_exists_exception')
  );
}
