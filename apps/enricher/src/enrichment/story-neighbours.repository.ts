import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, SearchStoryNeighbours } from '@lib/search';

/** The enricher's only window on the search engine: earlier stories near this one. Read-only. */
@Injectable()
export class StoryNeighboursRepository extends SearchStoryNeighbours {
  constructor(@Inject(SEARCH_CLIENT) client: Client, @Inject(APP_CONFIG) config: Env) {
    super(client, config.ES_STORIES_ALIAS, config.ENRICHMENT_RELATED_CANDIDATES);
  }
}
