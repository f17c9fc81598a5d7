import { Inject, Injectable } from '@nestjs/common';
import type { CanonicalStory } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import type { RelatedCandidate, StoryNeighbours, TagStatistics } from '@lib/enrichment';
import { StoryWindow } from './story-window';

/**
 * Earlier stories for enrichment, from the window in memory: related candidates and tag
 * frequencies without a search per story. Cluster neighbours come from the window's signatures,
 * passed to `enrichWithNeighbours` as the recent clusters.
 */
@Injectable()
export class WindowStoryNeighbours implements StoryNeighbours {
  private readonly candidateCount: number;

  constructor(
    private readonly window: StoryWindow,
    @Inject(APP_CONFIG) config: Env,
  ) {
    this.candidateCount = config.ENRICHMENT_RELATED_CANDIDATES;
  }

  clusterNeighbours(): Promise<{ uri: string; signature: string; clusterKey: string }[]> {
    return Promise.resolve([]);
  }

  relatedCandidates(story: CanonicalStory): Promise<RelatedCandidate[]> {
    return Promise.resolve(
      this.window.related.candidates(story, this.candidateCount, story.versioncreated),
    );
  }

  tagStatistics(tagIds: string[]): Promise<TagStatistics> {
    return Promise.resolve(this.window.related.tagStatistics(tagIds));
  }
}
