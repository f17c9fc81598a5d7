import { Injectable } from '@nestjs/common';
import {
  buildCopiesSearch,
  buildStorySearch,
  recencyOriginAt,
  collapseKeyOf,
  emptyFacets,
  facetTagIds,
  readFacetCounts,
  withFacetNames,
  type StorySearchSpec,
} from '@lib/search';
import { decodeCursor, encodeCursor, queryFingerprint, type SearchCursor } from './search-cursor';
import { UnusableCursorError } from './search.errors';
import { toSearchResultItem, type SearchResponse } from './search.mapper';
import type { SearchParams } from './search.params';
import { SearchRepository, type PagePosition, type StoryHit } from './search.repository';
import { TagFilterResolver } from './tag-filter.resolver';
import { TagNameCache } from './tag-names.cache';

const FACET_SIZE = 10;

/**
 * One page of search results. Every page of a search reads the same point in time with the same
 * recency origin, so stories arriving meanwhile neither shift nor duplicate later pages.
 * Uncollapsed pages continue with search_after; collapsed ones by offset, because the engine
 * only allows search_after with collapse when sorting on the collapse field itself.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly tagFilters: TagFilterResolver,
    private readonly tagNames: TagNameCache,
  ) {}

  async search(params: SearchParams): Promise<SearchResponse> {
    const { size, cursor: rawCursor, ...query } = params;
    const fingerprint = queryFingerprint(query);
    const cursor = rawCursor ? decodeCursor(rawCursor) : null;
    if (cursor && cursor.query !== fingerprint) {
      throw new UnusableCursorError(
        'belongs to a different query; repeat the query that returned it, or drop the cursor',
      );
    }
    const { filters, resolved } = await this.tagFilters.resolve(query.filters);
    const echo = Object.keys(resolved).length > 0 ? { resolved } : {};
    const origin = cursor?.origin ?? recencyOriginAt(new Date());
    const pit = cursor?.pit ?? (await this.repository.openPointInTime());
    if (!pit)
      return {
        total: 0,
        items: [],
        facets: emptyFacets(),
        cursor: null,
        ...(query.collapse ? { groups: 0 } : {}),
        ...echo,
      };

    const spec: StorySearchSpec = { ...query, filters, origin, facetSize: FACET_SIZE };
    const position: PagePosition = cursor?.after
      ? { after: cursor.after }
      : cursor?.offset !== undefined
        ? { offset: cursor.offset }
        : { start: true };
    // One extra hit tells whether another page exists.
    const page = await this.repository.searchPage(buildStorySearch(spec), pit, position, size + 1);
    const hits = page.hits.slice(0, size);
    const counts = readFacetCounts(page.aggregations);
    const [names] = await Promise.all([
      this.tagNames.namesOf(facetTagIds(counts)),
      query.collapse ? this.attachCopies(spec, hits, page.pit) : undefined,
    ]);
    const hasMore = page.hits.length > size;
    if (!hasMore) await this.repository.closePointInTime(page.pit);

    const next: SearchCursor | null = hasMore
      ? {
          v: 1,
          pit: page.pit,
          origin,
          query: fingerprint,
          ...(query.collapse
            ? { offset: ('offset' in position ? position.offset : 0) + size }
            : { after: hits[hits.length - 1].sort }),
        }
      : null;
    const groups = (page.aggregations?.groups as { value?: number } | undefined)?.value;
    return {
      total: page.total,
      ...(query.collapse ? { groups: groups ?? 0 } : {}),
      items: hits.map(toSearchResultItem),
      facets: withFacetNames(counts, names),
      cursor: next ? encodeCursor(next) : null,
      ...echo,
    };
  }

  /**
   * Each collapsed result's copies (the stories of its cluster that match): one request for the
   * whole page, none when no result stands for a cluster of more than itself.
   */
  private async attachCopies(spec: StorySearchSpec, hits: StoryHit[], pit: string): Promise<void> {
    const keyOf = (hit: StoryHit) => hit.collapseKey ?? collapseKeyOf(hit.document);
    const clusterKeys = [...new Set(hits.map(keyOf).filter((key) => !key.startsWith('uri:')))];
    const copies =
      clusterKeys.length > 0
        ? await this.repository.copies(buildCopiesSearch(spec, clusterKeys), pit)
        : new Map<string, { total: number; documents: Record<string, unknown>[] }>();
    for (const hit of hits) {
      const found = copies.get(keyOf(hit));
      hit.copies = found
        ? { total: found.total, documents: found.documents }
        : { total: 1, documents: [hit.document] };
    }
  }
}
