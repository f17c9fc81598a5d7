import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * Creates an index kept beside the stories' versioned indexes (same prefix, so the same access
 * rules), read by id only: one shard, strict mapping. Several replicas may race to create it.
 */
export async function ensureSideIndex(
  client: Client,
  index: string,
  properties: Record<string, estypes.MappingProperty>,
): Promise<string> {
  if (await client.indices.exists({ index })) return index;
  try {
    await client.indices.create({
      index,
      settings: { index: { number_of_shards: 1, auto_expand_replicas: '0-1' } },
      mappings: { dynamic: 'strict', properties },
    });
  } catch (error) {
    if (!(await client.indices.exists({ index }))) throw error;
  }
  return index;
}
