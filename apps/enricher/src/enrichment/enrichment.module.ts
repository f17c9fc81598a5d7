import { Module } from '@nestjs/common';
import { EnrichStoryService } from './enrich-story.service';
import { StoryIngestedConsumer } from './story-ingested.consumer';

@Module({
  controllers: [StoryIngestedConsumer],
  providers: [EnrichStoryService],
})
export class EnrichmentModule {}
