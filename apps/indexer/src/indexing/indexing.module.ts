import { Module } from '@nestjs/common';
import { IndexStoriesService } from './index-stories.service';
import { IndexingMetrics } from './indexing.metrics';
import { StoryEnrichedConsumer } from './story-enriched.consumer';
import { StoryIndexRepository } from './story-index.repository';

@Module({
  controllers: [StoryEnrichedConsumer],
  providers: [IndexStoriesService, StoryIndexRepository, IndexingMetrics],
})
export class IndexingModule {}
