import { Inject, Injectable } from '@nestjs/common';
import type { Enrichment, StoryBacklinkedV1Payload, StoryIngestedV1Payload } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { enrichWithNeighbours, withNewerCoverage } from '@lib/enrichment';
import { applyOverrides } from './apply-overrides';
import { backlinksFor, type BacklinkPolicy } from './backlinks';
import { ENRICHMENT_RESOURCES, type EnrichmentResources } from './enrichment-resources';
import { RecentSignatures } from './recent-signatures';
import { StoryNeighboursRepository } from './story-neighbours.repository';

export interface EnrichedStory {
  enrichment: Enrichment;
  /** Links the earlier stories this one is strongly related to should gain. */
  backlinks: StoryBacklinkedV1Payload[];
}

/**
 * Decides a story's tags, cluster and related links: the pure algorithms of libs/enrichment,
 * fed with earlier stories from the search engine and the signatures this enricher saw lately.
 */
@Injectable()
export class EnrichStoryService {
  private readonly recent: RecentSignatures;
  private readonly backlinkPolicy: BacklinkPolicy;

  constructor(
    @Inject(ENRICHMENT_RESOURCES) private readonly resources: EnrichmentResources,
    private readonly neighbours: StoryNeighboursRepository,
    @Inject(APP_CONFIG) config: Env,
  ) {
    this.recent = new RecentSignatures(config.ENRICHMENT_RECENT_SIGNATURES);
    this.backlinkPolicy = {
      minScore: config.ENRICHMENT_BACKLINK_MIN_SCORE,
      max: config.ENRICHMENT_MAX_BACKLINKS,
    };
  }

  async enrich(payload: StoryIngestedV1Payload): Promise<EnrichedStory> {
    const { story, overrides } = payload;
    const { enrichment, signature, newerCoverage } = await enrichWithNeighbours(
      story,
      this.resources,
      this.neighbours,
      this.recent,
    );
    if (enrichment.cluster)
      this.recent.remember({ uri: story.uri, signature, clusterKey: enrichment.cluster });
    // Only the story's own links send backlinks; the newer coverage it keeps already links here.
    const backlinks = backlinksFor(
      story,
      applyOverrides(enrichment, overrides),
      this.backlinkPolicy,
    );
    const related = withNewerCoverage(story.uri, enrichment.related, newerCoverage);
    return { enrichment: applyOverrides({ ...enrichment, related }, overrides), backlinks };
  }
}
