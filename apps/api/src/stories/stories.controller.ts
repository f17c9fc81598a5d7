import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { badParameter } from '../http/parse-query';
import type { RelatedStoryView, StoryView } from './stories.mapper';
import { StoriesService } from './stories.service';

const storyUri = z.string().min(1).max(2048);

function uriOf(id: string): string {
  const parsed = storyUri.safeParse(id);
  if (!parsed.success)
    throw badParameter('id', 'a story uri of 1 to 2048 characters (URL-encoded)');
  return parsed.data;
}

@ApiTags('stories')
@Controller('v1/stories')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'A story: latest version, tags, topics, cluster, related links with reasons, version history',
    description:
      'status is live, killed (withdrawn; shown from the archive) or pending (accepted, not searchable yet). history lists every version with what changed; corrections have kind "correction".',
  })
  @ApiParam({ name: 'id', description: 'The story uri, URL-encoded (e.g. urn%3Anewswire%3A...)' })
  @ApiOkResponse({ description: 'The story' })
  @ApiNotFoundResponse({ description: '{ error: "STORY.NOT_FOUND", message }' })
  @ApiBadRequestResponse({ description: 'A malformed id' })
  getStory(@Param('id') id: string): Promise<StoryView> {
    return this.stories.getStory(uriOf(id));
  }

  @Get(':id/related')
  @ApiOperation({
    summary:
      "Stories related to this one, and why: other wires' copies (same cluster) and linked coverage with shared entities and words",
  })
  @ApiParam({ name: 'id', description: 'The story uri, URL-encoded' })
  @ApiOkResponse({
    description:
      '{ uri, related: [{ uri, headline, source, score, reason: { kind, sharedEntities, sharedTerms, text } }] }',
  })
  @ApiNotFoundResponse({ description: '{ error: "STORY.NOT_FOUND", message }' })
  getRelated(@Param('id') id: string): Promise<{ uri: string; related: RelatedStoryView[] }> {
    return this.stories.getRelated(uriOf(id));
  }
}
