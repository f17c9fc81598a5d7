import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import {
  SEARCH_CLIENT,
  buildTagSuggest,
  readTagSuggestions,
  type TagSuggestion,
  type TagSuggestSpec,
} from '@lib/search';

/** Tag names and counts, aggregated over live stories in the index. */
@Injectable()
export class TagsRepository {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async suggest(spec: TagSuggestSpec): Promise<TagSuggestion[]> {
    const response = await this.client.search({
      index: this.config.ES_STORIES_ALIAS,
      ignore_unavailable: true,
      ...buildTagSuggest(spec),
    });
    return readTagSuggestions(response.aggregations);
  }
}
