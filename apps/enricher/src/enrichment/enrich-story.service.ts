import { Injectable } from '@nestjs/common';
import type { Enrichment, StoryIngestedV1Payload } from '@lib/contracts';
import { providerTags } from './provider-tags';

/** Decides a story's tags, cluster and related links. */
@Injectable()
export class EnrichStoryService {
  enrich(payload: StoryIngestedV1Payload): Promise<Enrichment> {
    const tags = providerTags(payload.story);
    const unique = [...new Map(tags.map((tag) => [tag.id, tag])).values()];
    return Promise.resolve({ tags: unique, related: [] });
  }
}
