import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, buildStorySearch, type StoryQuery, type StorySearchDocument } from '@lib/search';

export interface StoryHit {
  document: StorySearchDocument;
  score: number | null;
}

/** Reads the index through its alias; the api never writes. */
@Injectable()
export class SearchRepository {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async search(query: StoryQuery): Promise<{ total: number; hits: StoryHit[] }> {
    const response = await this.client.search<StorySearchDocument>({
      index: this.config.ES_STORIES_ALIAS,
      ignore_unavailable: true,
      ...buildStorySearch(query),
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    return {
      total,
      hits: response.hits.hits.flatMap((hit) => (hit._source ? [{ document: hit._source, score: hit._score ?? null }] : [])),
    };
  }
}
