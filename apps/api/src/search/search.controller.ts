import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseQuery } from '../http/parse-query';
import { toSearchResultItem, type SearchResultItem } from './search.mapper';
import { searchParamsSchema } from './search.params';
import { SearchRepository } from './search.repository';

@ApiTags('search')
@Controller('v1/search')
export class SearchController {
  constructor(private readonly stories: SearchRepository) {}

  @Get()
  @ApiOperation({ summary: 'Search live stories' })
  @ApiQuery({ name: 'q', required: false, description: 'Free text' })
  @ApiQuery({ name: 'size', required: false, description: '1 to 100, default 20' })
  async search(@Query() raw: Record<string, unknown>): Promise<{ total: number; items: SearchResultItem[] }> {
    const params = parseQuery(searchParamsSchema, raw);
    const { total, hits } = await this.stories.search({ q: params.q || undefined, size: params.size });
    return { total, items: hits.map(toSearchResultItem) };
  }
}
