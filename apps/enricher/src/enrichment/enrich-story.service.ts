import { Inject, Injectable } from '@nestjs/common';
import type { Enrichment, StoryIngestedV1Payload, Tag } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { DEFAULT_MAX_DISTANCE, InMemoryClusterIndex, enrichStory, fromHex, storySignature, toHex } from '@lib/enrichment';
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
    const signature = storySignature(story);
    const [indexed, candidates] = await Promise.all([
      this.neighbours.clusterNeighbours(story.uri, toHex(signature)),
      this.neighbours.relatedCandidates(story),
    ]);
    const clusterIndex = new InMemoryClusterIndex();
    for (const n of indexed) clusterIndex.add({ uri: n.uri, signature: fromHex(n.signature), clusterKey: n.clusterKey });
    // Earlier versions and copies seen here but perhaps not searchable yet count too.
    const seen = this.recent.findByUri(story.uri) ?? this.recent.findNearest(signature, DEFAULT_MAX_DISTANCE)?.entry;
    if (seen && !clusterIndex.findByUri(seen.uri)) clusterIndex.add(seen);
    // Only tags a candidate carries can be shared, so their frequencies are all scoring needs.
    const tagStatistics = await this.neighbours.tagStatistics([...new Set(candidates.flatMap((c) => c.tags.map((t) => t.id)))]);
    const enrichment = enrichStory(story, {
      entities: this.resources.entities,
      topics: this.resources.topics,
      clusterIndex,
      related: { candidates, tagStatistics },
    });
    if (enrichment.cluster) this.recent.remember({ uri: story.uri, signature, clusterKey: enrichment.cluster });
    const final = applyOverrides({ ...enrichment, tags: dedupe(enrichment.tags) }, payload.overrides);
    return { ...final, signature: toHex(signature) };
  }
}

function dedupe(tags: Tag[]): Tag[] {
  return [...new Map(tags.map((tag) => [tag.id, tag])).values()];
}
