import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';
import { TagFilterResolver } from './tag-filter.resolver';
import { TagNameCache } from './tag-names.cache';

@Module({
  controllers: [SearchController],
  providers: [SearchService, SearchRepository, TagFilterResolver, TagNameCache],
})
export class StorySearchModule {}
