import type { estypes } from '@elastic/elasticsearch';
import type { TagKind } from '@lib/contracts';
import { foldForSearch } from '../fold-text';

type Query = estypes.QueryDslQueryContainer;

export interface TagSuggestSpec {
  /** What the editor typed so far; matches the start of any word of a tag's name or aliases. */
  q: string | null;
  kind?: TagKind;
  size: number;
}

export interface TagSuggestion {
  id: string;
  kind: string;
  name: string;
  /** Live stories carrying the tag. */
  count: number;
}

/** Autocomplete over the nested `tag_suggest` entries of live stories, most used first. */
export function buildTagSuggest(spec: TagSuggestSpec): estypes.SearchRequest {
  const conditions: Query[] = [];
  if (spec.kind) conditions.push({ term: { 'tag_suggest.kind': spec.kind } });
  const typed = spec.q ? prefixQuery(spec.q) : null;
  if (typed) conditions.push(typed);
  const matching: Query =
    conditions.length > 0 ? { bool: { filter: conditions } } : { match_all: {} };
  return {
    size: 0,
    query: {
      bool: {
        filter: [
          { term: { pubstatus: 'usable' } },
          ...(conditions.length > 0 ? [{ nested: { path: 'tag_suggest', query: matching } }] : []),
        ],
      },
    },
    aggs: {
      tags: {
        nested: { path: 'tag_suggest' },
        aggs: {
          matching: {
            filter: matching,
            aggs: {
              ids: {
                terms: { field: 'tag_suggest.id', size: spec.size },
                aggs: {
                  name: { terms: { field: 'tag_suggest.name', size: 1 } },
                  kind: { terms: { field: 'tag_suggest.kind', size: 1 } },
                },
              },
            },
          },
        },
      },
    },
  };
}

function prefixQuery(q: string): Query | null {
  const words = foldForSearch(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  // One word: a term-level prefix has no expansion limit, so rare tags are not cut off.
  if (words.length === 1) return { prefix: { 'tag_suggest.folded': { value: words[0] } } };
  return {
    match_phrase_prefix: { 'tag_suggest.folded': { query: words.join(' '), max_expansions: 200 } },
  };
}

interface Bucket {
  key: string | number;
  doc_count: number;
  name?: { buckets?: Bucket[] };
  kind?: { buckets?: Bucket[] };
}

export function readTagSuggestions(
  aggregations: Record<string, unknown> | undefined,
): TagSuggestion[] {
  const tags = aggregations?.tags as { matching?: { ids?: { buckets?: Bucket[] } } } | undefined;
  return (tags?.matching?.ids?.buckets ?? []).map((bucket) => ({
    id: String(bucket.key),
    kind: String(bucket.kind?.buckets?.[0]?.key ?? ''),
    name: String(bucket.name?.buckets?.[0]?.key ?? bucket.key),
    count: bucket.doc_count,
  }));
}
