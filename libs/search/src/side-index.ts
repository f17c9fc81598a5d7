import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * Creates an index kept beside the stories' versioned indexes (same prefix, so the same access
 * rules): one shard, strict mapping. Several replicas may race to create it. One created by an
 * earlier release gets the fields added since (new fields are a mapping change in place).
 */
export async function ensureSideIndex(
  client: Client,
  index: string,
  properties: Record<string, estypes.MappingProperty>,
): Promise<string> {
  if (await client.indices.exists({ index })) {
    await client.indices.putMapping({ index, properties });
    return index;
  }
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
