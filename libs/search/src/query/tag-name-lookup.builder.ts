import type { estypes } from '@elastic/elasticsearch';
import type { TagKind } from '@lib/contracts';
import { foldForSearch } from '../fold-text';

/**
 * Filters accept a tag's id (`place:sa`) or its name, alias or slug (`Saudi Arabia`,
 * `saudi-arabia`). Ids always contain a colon; names never need one.
 */
export function isTagId(value: string): boolean {
  return value.includes(':');
}

/** The comparison key of a name or slug: folded, punctuation and hyphens as single spaces. */
export function tagNameKey(value: string): string {
  return foldForSearch(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CANDIDATES_PER_NAME = 10;

/**
 * One request that looks up every name at once: per name, the tags (of the kind, if given) whose
 * name or an alias contains the name as a phrase, most used first, each with its folded names so
 * the exact match can be picked out by {@link readTagNameLookup}.
 */
export function buildTagNameLookup(
  names: readonly string[],
  kind?: TagKind,
): estypes.SearchRequest {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  names.forEach((name, i) => {
    const conditions: estypes.QueryDslQueryContainer[] = [
      { match_phrase: { 'tag_suggest.folded': tagNameKey(name) } },
    ];
    if (kind) conditions.push({ term: { 'tag_suggest.kind': kind } });
    aggs[`name_${i}`] = {
      filter: { bool: { filter: conditions } },
      aggs: {
        ids: {
          terms: { field: 'tag_suggest.id', size: CANDIDATES_PER_NAME },
          aggs: { entry: { top_hits: { size: 1, _source: ['tag_suggest.folded'] } } },
        },
      },
    };
  });
  return {
    size: 0,
    track_total_hits: false,
    query: { term: { pubstatus: 'usable' } },
    aggs: { tags: { nested: { path: 'tag_suggest' }, aggs } },
  };
}

interface IdBucket {
  key: string;
  entry?: { hits?: { hits?: { _source?: { folded?: string[] | string } }[] } };
}

/**
 * For each name, in order: the id of the most used tag whose name or alias equals it (after
 * folding), or null when no live story carries such a tag.
 */
export function readTagNameLookup(
  names: readonly string[],
  aggregations: Record<string, unknown> | undefined,
): (string | null)[] {
  const tags = aggregations?.tags as
    Record<string, { ids?: { buckets?: IdBucket[] } } | undefined> | undefined;
  return names.map((name, i) => {
    const wanted = tagNameKey(name);
    const buckets = tags?.[`name_${i}`]?.ids?.buckets ?? [];
    const exact = buckets.find((bucket) => {
      const folded = bucket.entry?.hits?.hits?.[0]?._source?.folded ?? [];
      return (Array.isArray(folded) ? folded : [folded]).some((f) => tagNameKey(f) === wanted);
    });
    return exact?.key ?? null;
  });
}
