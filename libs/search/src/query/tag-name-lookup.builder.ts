import type { estypes } from '@elastic/elasticsearch';
import type { TagKind } from '@lib/contracts';
import { tagNameKey } from '../fold-text';

/**
 * Filters accept a tag's id (`place:sa`) or its name, alias or slug (`Saudi Arabia`,
 * `saudi-arabia`). Ids always contain a colon; names never need one.
 */
export function isTagId(value: string): boolean {
  return value.includes(':');
}

/** Tags sharing one name or alias beyond this are not expected; the most used among them wins. */
const CANDIDATES_PER_NAME = 20;

/**
 * One request to the tag names index for every name at once: the tags (of the kind, if given)
 * whose name or an alias equals one of the names after folding.
 */
export function buildTagNameLookup(
  names: readonly string[],
  kind?: TagKind,
): estypes.SearchRequest {
  const filter: estypes.QueryDslQueryContainer[] = [
    { terms: { keys: [...new Set(names.map(tagNameKey))] } },
  ];
  if (kind) filter.push({ term: { kind } });
  return {
    size: CANDIDATES_PER_NAME * names.length,
    track_total_hits: false,
    _source: ['id', 'keys'],
    query: { bool: { filter } },
  };
}

interface CandidateHit {
  _source?: { id?: string; keys?: string[] | string };
}

/** For each name, in order: the ids of the tags whose name or alias equals it. */
export function readTagNameCandidates(
  names: readonly string[],
  hits: readonly CandidateHit[],
): string[][] {
  return names.map((name) => {
    const wanted = tagNameKey(name);
    return hits.flatMap(({ _source: tag }) => {
      const keys = tag?.keys ?? [];
      return tag?.id && (Array.isArray(keys) ? keys : [keys]).includes(wanted) ? [tag.id] : [];
    });
  });
}

/** Of each name's candidates, the one the most live stories carry; null when none is carried. */
export function pickMostUsed(
  candidates: readonly (readonly string[])[],
  liveCounts: ReadonlyMap<string, number>,
): (string | null)[] {
  return candidates.map((ids) => {
    let best: string | null = null;
    for (const id of ids) {
      const count = liveCounts.get(id) ?? 0;
      if (count > 0 && (best === null || count > (liveCounts.get(best) ?? 0))) best = id;
    }
    return best;
  });
}
