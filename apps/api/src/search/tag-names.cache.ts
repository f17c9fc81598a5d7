import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, readTagNamesById } from '@lib/search';
import { ApiMetrics } from '../http/api-metrics';

/** Far more than the tags a newsroom's facets show in a few minutes; a name is ~100 bytes. */
const MAX_NAMES = 50_000;

/**
 * Display names of tag ids for facet labels, read by id from the tag names index the indexer
 * keeps (`<alias>-tags`) and kept for `API_TAG_NAME_TTL_SECONDS`. Ids not yet known are read in
 * one request. An id without a stored name is labelled with itself, and that is kept as long,
 * so it is not asked for on every search.
 */
@Injectable()
export class TagNameCache {
  private readonly names: LRUCache<string, string>;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly metrics: ApiMetrics,
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
    const found = await this.metrics.timeEngine('tag_names', () =>
      readTagNamesById(this.client, this.config.ES_STORIES_ALIAS, missing),
    );
    for (const id of missing) {
      const name = found.get(id) ?? id;
      this.names.set(id, name);
      known.set(id, name);
    }
    return known;
  }
}
