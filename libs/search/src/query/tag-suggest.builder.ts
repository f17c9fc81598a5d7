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

/**
 * Tags whose name matches what was typed are counted over live stories in one request; the
 * engine's default result window bounds how many that can be.
 */
export const MAX_TAG_CANDIDATES = 10_000;

/**
 * The tags (of the kind, if given) whose name or an alias has a word starting with what was
 * typed, from the tag names index; null when nothing searchable was typed.
 */
export function buildTagCandidates(spec: TagSuggestSpec): estypes.SearchRequest | null {
  const typed = spec.q ? prefixQuery(spec.q) : null;
  if (!typed) return null;
  const filter: Query[] = [typed];
  if (spec.kind) filter.push({ term: { kind: spec.kind } });
  return {
    size: MAX_TAG_CANDIDATES,
    track_total_hits: false,
    _source: false,
    docvalue_fields: ['id'],
    query: { bool: { filter } },
  };
}

/** The ids of the candidate hits. */
export function readTagCandidates(hits: readonly { fields?: Record<string, unknown> }[]): string[] {
  return hits.flatMap((hit) => {
    const id = (hit.fields?.id as unknown[] | undefined)?.[0];
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * How many live stories carry each tag, most used first: only the given ids when there are
 * some, else every tag (of the kind, if given).
 */
export function buildLiveTagCounts(
  spec: { ids?: readonly string[]; kind?: TagKind },
  size: number,
): estypes.SearchRequest {
  const field = spec.ids || !spec.kind ? 'facets.tag' : `facets.${spec.kind}`;
  return {
    size: 0,
    track_total_hits: false,
    query: { term: { pubstatus: 'usable' } },
    aggs: {
      ids: { terms: { field, size, ...(spec.ids ? { include: [...spec.ids] } : {}) } },
    },
  };
}

/** Tag ids and the live stories carrying them, most used first. */
export function readLiveTagCounts(
  aggregations: Record<string, unknown> | undefined,
): { id: string; count: number }[] {
  const ids = aggregations?.ids as
    { buckets?: { key: string | number; doc_count: number }[] } | undefined;
  return (ids?.buckets ?? []).map((bucket) => ({
    id: String(bucket.key),
    count: bucket.doc_count,
  }));
}

function prefixQuery(q: string): Query | null {
  const words = foldForSearch(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  // One word: a term-level prefix has no expansion limit, so rare tags are not cut off.
  if (words.length === 1) return { prefix: { folded: { value: words[0] } } };
  return { match_phrase_prefix: { folded: { query: words.join(' '), max_expansions: 200 } } };
}
