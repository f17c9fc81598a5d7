import { Inject, Injectable } from '@nestjs/common';
import type { Enrichment, StoryIngestedV1Payload } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { enrichWithNeighbours } from '@lib/enrichment';
import { applyOverrides } from './apply-overrides';
import { ENRICHMENT_RESOURCES, type EnrichmentResources } from './enrichment-resources';
import { StoryWindow } from './story-window';
import { WindowStoryNeighbours } from './window-story-neighbours';

/**
 * Decides a story's tags, cluster and related links: the pure algorithms of libs/enrichment,
 * fed with earlier stories from the window of recent stories, which then takes this one in.
 */
@Injectable()
export class EnrichStoryService {
  private readonly maxTextChars: number;

  constructor(
    @Inject(ENRICHMENT_RESOURCES) private readonly resources: EnrichmentResources,
    private readonly neighbours: WindowStoryNeighbours,
    private readonly window: StoryWindow,
    @Inject(APP_CONFIG) config: Env,
  ) {
    this.maxTextChars = config.ENRICHMENT_MAX_TEXT_CHARS;
  }

  async enrich(payload: StoryIngestedV1Payload): Promise<Enrichment> {
    const { story, overrides } = payload;
    const { enrichment } = await enrichWithNeighbours(
      story,
      this.resources,
      this.neighbours,
      this.window.signatures,
      { maxTextChars: this.maxTextChars },
    );
    const final = applyOverrides(enrichment, overrides);
    // At once, so the next story of this slice can link to this one and join its cluster.
    this.window.remember({
      story,
      tags: final.tags,
      cluster: final.cluster,
      signature: final.signature,
    });
    return final;
  }
}
