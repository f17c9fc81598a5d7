import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import type { TagStatistics } from '@lib/enrichment';
import { SEARCH_CLIENT, SearchStoryNeighbours } from '@lib/search';
import { TagStatisticsBatcher } from './tag-statistics-batcher';

/** The enricher's only window on the search engine: earlier stories near this one. Read-only. */
@Injectable()
export class StoryNeighboursRepository extends SearchStoryNeighbours {
  // Stories enriched at once share their tag-frequency lookups (one aggregation per batch).
  private readonly tagCounts = new TagStatisticsBatcher((tagIds) => super.tagStatistics(tagIds));

  constructor(@Inject(SEARCH_CLIENT) client: Client, @Inject(APP_CONFIG) config: Env) {
    super(client, config.ES_STORIES_ALIAS, config.ENRICHMENT_RELATED_CANDIDATES);
  }

  override tagStatistics(tagIds: string[]): Promise<TagStatistics> {
    return this.tagCounts.get(tagIds);
  }
}
