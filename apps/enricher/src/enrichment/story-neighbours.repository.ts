import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, SearchStoryNeighbours } from '@lib/search';

/**
 * The enricher's window on the search engine: the links to newer coverage an indexed story
 * gathered (read by id when it is enriched again). Read-only.
 */
@Injectable()
export class StoryNeighboursRepository extends SearchStoryNeighbours {
  constructor(@Inject(SEARCH_CLIENT) client: Client, @Inject(APP_CONFIG) config: Env) {
    super(client, config.ES_STORIES_ALIAS, config.ENRICHMENT_RELATED_CANDIDATES);
  }
}
