import type { Tag } from '@lib/contracts';

/** How often each tag occurs across stories, for weighting shared tags by rarity. */
export interface TagStatistics {
  documentCount: number;
  documentFrequency: ReadonlyMap<string, number>;
}

export function buildTagStatistics(tagLists: Iterable<readonly Pick<Tag, 'id'>[]>): TagStatistics {
  const documentFrequency = new Map<string, number>();
  let documentCount = 0;
  for (const tags of tagLists) {
    documentCount += 1;
    for (const id of new Set(tags.map((t) => t.id)))
      documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
  }
  return { documentCount, documentFrequency };
}

/** Smoothed IDF: a tag on every story ("place:us" in US copy) weighs little, a rare one a lot. */
export function tagIdf(stats: TagStatistics, id: string): number {
  return Math.log((1 + stats.documentCount) / (1 + (stats.documentFrequency.get(id) ?? 0))) + 1;
}
