import { Body, Controller, Get, NotFoundException, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { editorialOverridesSchema, type EditorialOverrides } from '@lib/contracts';
import { AdminKeyGuard } from '../admin-key.guard';
import { parseBody } from '../parse-body';
import { OverridesRepository } from './overrides.repository';

@ApiTags('editorial overrides (admin)')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/overrides')
export class OverridesController {
  constructor(private readonly overrides: OverridesRepository) {}

  @Get(':uri')
  @ApiOperation({
    summary: "A story's pinned and blocked tags and related links (uri URL-encoded)",
  })
  async find(@Param('uri') uri: string): Promise<EditorialOverrides & { uri: string }> {
    const found = await this.overrides.find(uri);
    if (!found)
      throw new NotFoundException({
        error: 'OVERRIDES.NOT_FOUND',
        message: `no overrides for ${uri}`,
      });
    return { uri, ...found };
  }

  @Put(':uri')
  @ApiOperation({
    summary: "Replace a story's editorial overrides",
    description:
      'Body: {pinnedTags: Tag[], blockedTags: string[], pinnedRelated: {uri, headline?}[], blockedRelated: string[]}. ' +
      'They survive new versions, re-enrichment and reindexing; the story is re-enriched at once.',
  })
  async save(
    @Param('uri') uri: string,
    @Body() body: unknown,
  ): Promise<EditorialOverrides & { uri: string; reemitted: boolean }> {
    const overrides = parseBody(editorialOverridesSchema, body);
    const { reemitted } = await this.overrides.save(uri, overrides, randomUUID());
    return { uri, ...overrides, reemitted };
  }
}
