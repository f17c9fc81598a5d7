import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';
import { TagFilterResolver } from './tag-filter.resolver';

@Module({
  controllers: [SearchController],
  providers: [SearchService, SearchRepository, TagFilterResolver],
})
export class StorySearchModule {}
