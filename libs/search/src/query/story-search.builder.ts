import type { estypes } from '@elastic/elasticsearch';
import { facetAggregations } from './facets';
import { applyFilterGroup, type FilterGroup } from './filter-expression';
import { buildTextQuery } from './text-query.builder';
import type { QueryNode } from './user-query';

type Query = estypes.QueryDslQueryContainer;

/** Filter parameters and the keyword field each one filters on. */
export const FILTER_FIELDS = {
  tag: 'facets.tag',
  person: 'facets.person',
  org: 'facets.organisation',
  place: 'facets.place',
  topic: 'facets.topic',
  source: 'source',
  lang: 'language',
} as const;
export type FilterName = keyof typeof FILTER_FIELDS;
export const FILTER_NAMES = Object.keys(FILTER_FIELDS) as FilterName[];

export type SearchSort = 'relevance' | 'newest';

export interface StorySearchSpec {
  text: QueryNode | null;
  filters: { name: FilterName; group: FilterGroup }[];
  /** Lower bounds on versioncreated (all apply); a date without time means the start of that day. */
  from: string[];
  /** Upper bounds on versioncreated (all apply); a date without time means the end of that day. */
  to: string[];
  sort: SearchSort;
  collapse: boolean;
  /** The "now" of the recency decay, fixed per search so scores do not drift between pages. */
  origin: string;
  facetSize: number;
}

/**
 * Recency: relevance is multiplied by (1 + decay), so a fresh story counts up to twice as much
 * as an equally relevant old one, and old stories keep their text ranking among themselves.
 */
const RECENCY = { scale: '3d', offset: '6h', decay: 0.5 };

/**
 * The recency origin of a search started at `now`: the start of its minute. At a 3-day scale a
 * minute moves no score measurably, and the same query asked again within the minute is the
 * same request, which the engine's request cache answers until the index next changes.
 */
export function recencyOriginAt(now: Date): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}
const COPIES_SHOWN = 5;

export const RESULT_SOURCE_FIELDS = [
  'uri',
  'version',
  'pubstatus',
  'language',
  'urgency',
  'headline',
  'description',
  'byline',
  'located',
  'slugline',
  'provider',
  'source',
  'firstcreated',
  'versioncreated',
  'indexed_at',
  'cluster',
  'tags',
];

/** The search request without paging (size, from / search_after, point in time). */
export function buildStorySearch(spec: StorySearchSpec): estypes.SearchRequest {
  const base = matchingStories(spec);
  return {
    query: spec.sort === 'relevance' ? withRecency(base, spec.origin) : base,
    sort: sortFor(spec.sort),
    track_total_hits: true,
    _source: RESULT_SOURCE_FIELDS,
    aggs: {
      ...facetAggregations(spec.facetSize),
      ...(spec.collapse
        ? { groups: { cardinality: { field: 'collapse_key', precision_threshold: 3000 } } }
        : {}),
    },
    // Copies are fetched for the whole page at once by buildCopiesSearch: the engine's collapse
    // inner_hits would run one more query per returned cluster.
    ...(spec.collapse ? { collapse: { field: 'collapse_key' } } : {}),
    ...(spec.text ? { highlight: HIGHLIGHT } : {}),
  };
}

/** The collapse key of a result: its cluster, or the story alone (see `toSearchDocument`). */
export function collapseKeyOf(document: { uri: string; cluster?: string | null }): string {
  return document.cluster ?? `uri:${document.uri}`;
}

export const COPY_SOURCE_FIELDS = [
  'uri',
  'version',
  'headline',
  'source',
  'provider',
  'versioncreated',
];

/**
 * The copies of the given clusters that match the search, newest first, with how many there are:
 * one request with a terms aggregation and its top hits per cluster. Everything is a filter:
 * copies are ordered by time, so scoring them would be work thrown away (~1–2 ms of engine CPU
 * a search), and filters can be cached.
 */
export function buildCopiesSearch(spec: StorySearchSpec, keys: string[]): estypes.SearchRequest {
  const base = matchingStories(spec);
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: [base, { terms: { collapse_key: keys } }] } },
    aggs: {
      clusters: {
        terms: { field: 'collapse_key', size: keys.length },
        aggs: {
          copies: {
            top_hits: {
              size: COPIES_SHOWN,
              sort: [{ versioncreated: { order: 'desc' } }, { uri: { order: 'asc' } }],
              _source: COPY_SOURCE_FIELDS,
            },
          },
        },
      },
    },
  };
}

export interface ClusterCopies {
  total: number;
  documents: Record<string, unknown>[];
}

/** Per collapse key: how many stories of the cluster match, and the newest of them. */
export function readCopies(
  aggregations: Record<string, unknown> | undefined,
): Map<string, ClusterCopies> {
  const clusters = aggregations?.clusters as
    | {
        buckets?: {
          key: string;
          doc_count: number;
          copies?: { hits?: { hits?: { _source?: Record<string, unknown> }[] } };
        }[];
      }
    | undefined;
  return new Map(
    (clusters?.buckets ?? []).map((bucket) => [
      bucket.key,
      {
        total: bucket.doc_count,
        documents: (bucket.copies?.hits?.hits ?? []).flatMap((h) => (h._source ? [h._source] : [])),
      },
    ]),
  );
}

/** Live stories matching the text, filters and dates, before ranking. */
function matchingStories(spec: StorySearchSpec): Query {
  const filter: Query[] = [{ term: { pubstatus: 'usable' } }];
  const mustNot: Query[] = [];
  for (const { name, group } of spec.filters)
    applyFilterGroup(FILTER_FIELDS[name], group, { filter, must_not: mustNot });
  for (const from of spec.from)
    filter.push({ range: { versioncreated: { gte: dateBound(from) } } });
  for (const to of spec.to) filter.push({ range: { versioncreated: { lte: dateBound(to) } } });
  return {
    bool: {
      must: [spec.text ? buildTextQuery(spec.text) : { match_all: {} }],
      filter,
      ...(mustNot.length > 0 ? { must_not: mustNot } : {}),
    },
  };
}

/** Sort ending with the unique uri, so every page boundary is a total order. */
export function sortFor(sort: SearchSort): estypes.SortCombinations[] {
  const newest: estypes.SortCombinations[] = [
    { versioncreated: { order: 'desc' } },
    { uri: { order: 'asc' } },
  ];
  return sort === 'relevance' ? [{ _score: { order: 'desc' } }, ...newest] : newest;
}

function withRecency(query: Query, origin: string): Query {
  return {
    function_score: {
      query,
      functions: [{ exp: { versioncreated: { origin, ...RECENCY } } }, { weight: 1 }],
      score_mode: 'sum',
      boost_mode: 'multiply',
    },
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A bare date rounds to its day: down for `from` (gte), up for `to` (lte). */
function dateBound(value: string): string {
  return DATE_ONLY.test(value) ? `${value}||/d` : value;
}

// The html encoder escapes the story text, so only our <mark> tags are markup.
const HIGHLIGHT: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  require_field_match: false,
  fields: {
    headline: { number_of_fragments: 0 },
    'headline.exact': { number_of_fragments: 0 },
    description: { number_of_fragments: 0 },
    body_text: { fragment_size: 160, number_of_fragments: 2 },
    'body_text.exact': { fragment_size: 160, number_of_fragments: 2 },
  },
};
