import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { createSearchClient, isSearchEngineHealthy } from './search-client';

export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');

@Injectable()
export class SearchReadinessCheck {
  readonly name = 'search-engine';

  constructor(@Inject(SEARCH_CLIENT) private readonly client: Client) {}

  isReady(): Promise<boolean> {
    return isSearchEngineHealthy(this.client);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: SEARCH_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: Env) => createSearchClient(config.ES_NODE),
    },
    SearchReadinessCheck,
  ],
  exports: [SEARCH_CLIENT, SearchReadinessCheck],
})
export class SearchModule implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_CLIENT) private readonly client: Client) {}

  // After consumers drained: the last bulk must still reach the engine.
  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
