import { Module } from '@nestjs/common';
import { BacklogRefreshService } from './backlog-refresh.service';
import { IndexStoriesService } from './index-stories.service';
import { IndexingMetrics } from './indexing.metrics';
import { StoryEnrichedConsumer } from './story-enriched.consumer';
import { StoryIndexRepository } from './story-index.repository';
import { TagNamesRecorder } from './tag-names.recorder';

@Module({
  controllers: [StoryEnrichedConsumer],
  providers: [
    BacklogRefreshService,
    IndexStoriesService,
    StoryIndexRepository,
    IndexingMetrics,
    TagNamesRecorder,
  ],
})
export class IndexingModule {}
