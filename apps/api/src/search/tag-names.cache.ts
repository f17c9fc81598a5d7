import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, buildTagNamesRequest, readTagNames } from '@lib/search';

/** Far more than the tags a newsroom's facets show in a few minutes; a name is ~100 bytes. */
const MAX_NAMES = 50_000;

/**
 * Display names of tag ids for facet labels. Facets count ids on flat fields; the names live in
 * the nested tag entries, which are costly to aggregate on every search, so each id's name is
 * read once and kept for `API_TAG_NAME_TTL_SECONDS`. Ids not yet known are asked for in one
 * request; an id the index no longer carries keeps its id as its label.
 */
@Injectable()
export class TagNameCache {
  private readonly names: LRUCache<string, string>;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.names = new LRUCache({ max: MAX_NAMES, ttl: config.API_TAG_NAME_TTL_SECONDS * 1000 });
  }

  async namesOf(tagIds: readonly string[]): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    const missing: string[] = [];
    for (const id of new Set(tagIds)) {
      const name = this.names.get(id);
      if (name === undefined) missing.push(id);
      else known.set(id, name);
    }
    if (missing.length === 0) return known;
    const response = await this.client.search({
      index: this.config.ES_STORIES_ALIAS,
      ignore_unavailable: true,
      ...buildTagNamesRequest(missing),
    });
    for (const [id, name] of readTagNames(response.aggregations)) {
      this.names.set(id, name);
      known.set(id, name);
    }
    return known;
  }
}
