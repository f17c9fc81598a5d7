import { Inject, Injectable } from '@nestjs/common';
import type { Enrichment, StoryIngestedV1Payload } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { enrichWithNeighbours } from '@lib/enrichment';
import { applyOverrides } from './apply-overrides';
import { ENRICHMENT_RESOURCES, type EnrichmentResources } from './enrichment-resources';
import { RecentSignatures } from './recent-signatures';
import { StoryNeighboursRepository } from './story-neighbours.repository';

/**
 * Decides a story's tags, cluster and related links: the pure algorithms of libs/enrichment,
 * fed with earlier stories from the search engine and the signatures this enricher saw lately.
 */
@Injectable()
export class EnrichStoryService {
  private readonly recent: RecentSignatures;

  constructor(
    @Inject(ENRICHMENT_RESOURCES) private readonly resources: EnrichmentResources,
    private readonly neighbours: StoryNeighboursRepository,
    @Inject(APP_CONFIG) config: Env,
  ) {
    this.recent = new RecentSignatures(config.ENRICHMENT_RECENT_SIGNATURES);
  }

  async enrich(payload: StoryIngestedV1Payload): Promise<Enrichment> {
    const { story } = payload;
    const { enrichment, signature } = await enrichWithNeighbours(
      story,
      this.resources,
      this.neighbours,
      this.recent,
    );
    if (enrichment.cluster)
      this.recent.remember({ uri: story.uri, signature, clusterKey: enrichment.cluster });
    return applyOverrides(enrichment, payload.overrides);
  }
}
