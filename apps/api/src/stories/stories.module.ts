import { Module } from '@nestjs/common';
import { AdminHttpModule } from '@lib/admin';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';
import { StoryDocumentRepository } from './story-document.repository';
import { StoryHistoryRepository } from './story-history.repository';

@Module({
  imports: [AdminHttpModule],
  controllers: [StoriesController],
  providers: [StoriesService, StoryDocumentRepository, StoryHistoryRepository],
})
export class StoriesModule {}
