import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, bulkWrite, ensureStoriesIndex, type BulkItemResult, type BulkOperation } from '@lib/search';

const STARTUP_ATTEMPTS = 60;

/** The only place the indexer touches the search engine. */
@Injectable()
export class StoryIndexRepository implements OnModuleInit {
  private readonly log = new Logger(StoryIndexRepository.name);

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  /** The alias and its first index must exist before the first bulk write. */
  async onModuleInit(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const index = await ensureStoriesIndex(this.client, this.config.ES_STORIES_ALIAS, this.config.ES_REFRESH_INTERVAL);
        this.log.log(`writing stories through alias ${this.config.ES_STORIES_ALIAS} (${index})`);
        return;
      } catch (error) {
        if (attempt >= STARTUP_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  write(operations: BulkOperation[]): Promise<BulkItemResult[]> {
    return bulkWrite(this.client, this.config.ES_STORIES_ALIAS, operations);
  }
}
