import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, suggestTags, type TagSuggestion, type TagSuggestSpec } from '@lib/search';

/** Tags by name from the tag names index, counted over live stories. */
@Injectable()
export class TagsRepository {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  suggest(spec: TagSuggestSpec): Promise<TagSuggestion[]> {
    return suggestTags(this.client, this.config.ES_STORIES_ALIAS, spec);
  }
}
