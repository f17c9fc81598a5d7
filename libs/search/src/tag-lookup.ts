import type { Client } from '@elastic/elasticsearch';
import type { TagKind } from '@lib/contracts';
import {
  buildTagNameLookup,
  pickMostUsed,
  readTagNameCandidates,
} from './query/tag-name-lookup.builder';
import {
  buildLiveTagCounts,
  buildTagCandidates,
  readLiveTagCounts,
  readTagCandidates,
  type TagSuggestSpec,
  type TagSuggestion,
} from './query/tag-suggest.builder';
import { readTagsById, tagNamesIndexFor } from './tag-names-index';

/**
 * Autocomplete: the tags whose name or alias has a word starting with what was typed (any tag
 * without it), most used by live stories first. Names come from the tag names index, counts
 * from the stories, so a tag only killed stories carried is not suggested.
 */
export async function suggestTags(
  client: Client,
  alias: string,
  spec: TagSuggestSpec,
): Promise<TagSuggestion[]> {
  let ids: string[] | undefined;
  const candidates = buildTagCandidates(spec);
  if (candidates) {
    const response = await client.search(
      { index: tagNamesIndexFor(alias), ignore_unavailable: true, ...candidates },
      { ignore: [404] },
    );
    ids = readTagCandidates(response.hits?.hits ?? []);
    if (ids.length === 0) return [];
  }
  const counts = await liveTagCounts(client, alias, { ids, kind: spec.kind }, spec.size);
  const tags = await readTagsById(
    client,
    alias,
    counts.map((c) => c.id),
  );
  return counts.map(({ id, count }) => {
    const tag = tags.get(id);
    return { id, kind: tag?.kind ?? '', name: tag?.name ?? id, count };
  });
}

/**
 * For each name, in order: the id of the most used tag (of the kind, if given) whose name or
 * alias equals it after folding, or null when no live story carries such a tag.
 */
export async function resolveTagNames(
  client: Client,
  alias: string,
  names: readonly string[],
  kind?: TagKind,
): Promise<(string | null)[]> {
  const response = await client.search<{ id?: string; keys?: string[] | string }>(
    {
      index: tagNamesIndexFor(alias),
      ignore_unavailable: true,
      ...buildTagNameLookup(names, kind),
    },
    { ignore: [404] },
  );
  const candidates = readTagNameCandidates(names, response.hits?.hits ?? []);
  const ids = [...new Set(candidates.flat())];
  if (ids.length === 0) return names.map(() => null);
  const counts = await liveTagCounts(client, alias, { ids }, ids.length);
  return pickMostUsed(candidates, new Map(counts.map((c) => [c.id, c.count])));
}

async function liveTagCounts(
  client: Client,
  alias: string,
  spec: { ids?: readonly string[]; kind?: TagKind },
  size: number,
): Promise<{ id: string; count: number }[]> {
  const response = await client.search({
    index: alias,
    ignore_unavailable: true,
    ...buildLiveTagCounts(spec, size),
  });
  return readLiveTagCounts(response.aggregations);
}
