import type { estypes } from '@elastic/elasticsearch';
import type { TagKind } from '@lib/contracts';

export const FACET_NAMES = ['people', 'organisations', 'places', 'topics', 'sources'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface FacetBucket {
  id: string;
  name: string;
  count: number;
}

export type Facets = Record<FacetName, FacetBucket[]>;

/** A facet's buckets before tag names are attached: the id and the stories counted. */
export type FacetCounts = Record<FacetName, { id: string; count: number }[]>;

const TAG_FACETS: Record<Exclude<FacetName, 'sources'>, TagKind> = {
  people: 'person',
  organisations: 'organisation',
  places: 'place',
  topics: 'topic',
};

/**
 * Facet aggregations over the flat `facets.<kind>` keyword fields: counts are stories (not
 * clusters). Display names are not aggregated here: aggregating them out of nested tag entries
 * (which the stories no longer carry) cost the engine more than the rest of a search, so names
 * are read by id from the tag names index (`readTagNamesById`).
 */
export function facetAggregations(
  size: number,
): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    sources: { terms: { field: 'source', size } },
  };
  for (const [facet, kind] of Object.entries(TAG_FACETS))
    aggs[facet] = { terms: { field: `facets.${kind}`, size } };
  return aggs;
}

interface TermsBucket {
  key: string | number;
  doc_count: number;
}

/** Reads the facet aggregations back into id buckets. */
export function readFacetCounts(aggregations: Record<string, unknown> | undefined): FacetCounts {
  const bucketsOf = (facet: FacetName) =>
    ((aggregations?.[facet] as { buckets?: TermsBucket[] } | undefined)?.buckets ?? []).map(
      (b) => ({ id: String(b.key), count: b.doc_count }),
    );
  return Object.fromEntries(FACET_NAMES.map((facet) => [facet, bucketsOf(facet)])) as FacetCounts;
}

/** The tag ids among the facets, whose display names are needed (sources are their own name). */
export function facetTagIds(counts: FacetCounts): string[] {
  const tagFacets = Object.keys(TAG_FACETS) as (keyof typeof TAG_FACETS)[];
  return tagFacets.flatMap((facet) => counts[facet].map((bucket) => bucket.id));
}

/** Facets with names: a tag's display name where known, else its id. */
export function withFacetNames(counts: FacetCounts, names: ReadonlyMap<string, string>): Facets {
  const facets = {} as Facets;
  for (const facet of FACET_NAMES)
    facets[facet] = counts[facet].map(({ id, count }) => ({
      id,
      name: names.get(id) ?? id,
      count,
    }));
  return facets;
}

/** An empty facet block, for an answer without an index. */
export function emptyFacets(): Facets {
  return withFacetNames(readFacetCounts(undefined), new Map());
}
