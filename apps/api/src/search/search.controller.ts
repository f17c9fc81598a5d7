import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { parseQuery } from '../http/parse-query';
import type { SearchResponse } from './search.mapper';
import { searchParamsSchema } from './search.params';
import { SearchService } from './search.service';

const NAME_HELP =
  'Or a tag name, alias or slug (Saudi Arabia, saudi-arabia), read as the most used live tag of that name; an unknown name is a 400.';
const FILTER_HELP = 'Repeatable. "a,b" = all of, "a|b" = any of, "-a" / "-a,b" = none of.';

@ApiTags('search')
@Controller('v1/search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Search live stories',
    description:
      'Full-text search with filters, facets, highlighted snippets and one result per cluster. ' +
      'Page on with the returned `cursor` (repeat the same parameters): pages read one point in time, so new stories do not shift them.',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description:
      'Words (AND), "quoted phrases", OR, NOT or -word, (parentheses), field prefixes headline:, byline:, body:. At most 500 characters.',
  })
  @ApiQuery({
    name: 'tag',
    required: false,
    isArray: true,
    description: `Tag ids of any kind, e.g. place:ly. ${NAME_HELP} ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'person',
    required: false,
    isArray: true,
    description: `Person tag ids. ${NAME_HELP} ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'org',
    required: false,
    isArray: true,
    description: `Organisation tag ids. ${NAME_HELP} ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'place',
    required: false,
    isArray: true,
    description: `Place tag ids, e.g. place:sa. ${NAME_HELP} ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'topic',
    required: false,
    isArray: true,
    description: `Topic tag ids, e.g. topic:crude. ${NAME_HELP} ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'source',
    required: false,
    isArray: true,
    description: `Registered sources (feeds). ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    isArray: true,
    description: `Language codes. ${FILTER_HELP}`,
  })
  @ApiQuery({
    name: 'from',
    required: false,
    isArray: true,
    description: 'Published at or after (ISO-8601 date or date-time; a date means its start).',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    isArray: true,
    description: 'Published at or before (ISO-8601; a date means its end).',
  })
  @ApiQuery({
    name: 'sort',
    required: false,
    enum: ['relevance', 'newest'],
    description: 'relevance (default; also favours recent stories) or newest',
  })
  @ApiQuery({
    name: 'collapse',
    required: false,
    enum: ['true', 'false'],
    description: "One result per cluster (default true); false shows every wire's copy",
  })
  @ApiQuery({ name: 'size', required: false, description: '1 to 100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `cursor` of the previous page' })
  @ApiOkResponse({
    description:
      '{ total, groups?, items[], facets{people,organisations,places,topics,sources}, cursor, resolved? (tag names given in filters and the ids they were read as) }',
  })
  @ApiBadRequestResponse({
    description: '{ error, parameter, message } naming the parameter and what was expected',
  })
  search(@Query() raw: Record<string, unknown>): Promise<SearchResponse> {
    return this.searchService.search(parseQuery(searchParamsSchema, raw));
  }
}
