import { Module } from '@nestjs/common';
import { APP_CONFIG, type Env } from '@lib/config';
import { EnrichStoryService } from './enrich-story.service';
import { ENRICHMENT_RESOURCES, loadEnrichmentResources } from './enrichment-resources';
import { StoryIngestedConsumer } from './story-ingested.consumer';
import { StoryWindow } from './story-window';
import { StoryWindowFeed } from './story-window.feed';
import { WindowStoryNeighbours } from './window-story-neighbours';

@Module({
  controllers: [StoryIngestedConsumer],
  providers: [
    EnrichStoryService,
    StoryWindow,
    StoryWindowFeed,
    WindowStoryNeighbours,
    {
      provide: ENRICHMENT_RESOURCES,
      inject: [APP_CONFIG],
      useFactory: (config: Env) => loadEnrichmentResources(config),
    },
  ],
})
export class EnrichmentModule {}
