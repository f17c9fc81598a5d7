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

const TAG_FACETS: Record<Exclude<FacetName, 'sources'>, TagKind> = {
  people: 'person',
  organisations: 'organisation',
  places: 'place',
  topics: 'topic',
};

/**
 * Facet aggregations. Tag facets go through the nested `tag_suggest` entries so each bucket
 * carries the tag's display name next to its id; counts are stories (not clusters).
 */
export function facetAggregations(
  size: number,
): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    sources: { terms: { field: 'source', size } },
  };
  for (const [facet, kind] of Object.entries(TAG_FACETS)) {
    aggs[facet] = {
      nested: { path: 'tag_suggest' },
      aggs: {
        of_kind: {
          filter: { term: { 'tag_suggest.kind': kind } },
          aggs: {
            ids: {
              terms: { field: 'tag_suggest.id', size },
              aggs: { name: { terms: { field: 'tag_suggest.name', size: 1 } } },
            },
          },
        },
      },
    };
  }
  return aggs;
}

interface TermsBucket {
  key: string | number;
  doc_count: number;
  name?: { buckets?: TermsBucket[] };
}

interface FacetAggregationResult {
  buckets?: TermsBucket[];
  of_kind?: { ids?: { buckets?: TermsBucket[] } };
}

/** Reads the facet aggregations back into plain buckets. */
export function readFacets(aggregations: Record<string, unknown> | undefined): Facets {
  const facets = { people: [], organisations: [], places: [], topics: [], sources: [] } as Facets;
  if (!aggregations) return facets;
  for (const facet of FACET_NAMES) {
    const result = aggregations[facet] as FacetAggregationResult | undefined;
    const buckets = facet === 'sources' ? result?.buckets : result?.of_kind?.ids?.buckets;
    facets[facet] = (buckets ?? []).map((bucket) => ({
      id: String(bucket.key),
      name: String(bucket.name?.buckets?.[0]?.key ?? bucket.key),
      count: bucket.doc_count,
    }));
  }
  return facets;
}
