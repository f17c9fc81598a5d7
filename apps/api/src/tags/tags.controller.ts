import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { TAG_KINDS } from '@lib/contracts';
import type { TagSuggestion } from '@lib/search';
import { parseQuery } from '../http/parse-query';
import { tagsParamsSchema } from './tags.params';
import { TagsService } from './tags.service';

@ApiTags('tags')
@Controller('v1/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({
    summary: 'Tag autocomplete with the number of live stories per tag, most used first',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description:
      'Start of any word of the name or an alias; diacritics optional ("erdo" finds Erdoğan)',
  })
  @ApiQuery({ name: 'kind', required: false, enum: TAG_KINDS })
  @ApiQuery({ name: 'size', required: false, description: '1 to 50, default 10' })
  @ApiOkResponse({ description: '{ items: [{ id, kind, name, count }] }' })
  @ApiBadRequestResponse({ description: '{ error, parameter, message }' })
  suggest(@Query() raw: Record<string, unknown>): Promise<{ items: TagSuggestion[] }> {
    return this.tags.suggest(parseQuery(tagsParamsSchema, raw));
  }
}
