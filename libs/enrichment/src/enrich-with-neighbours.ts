import type { CanonicalStory, Enrichment, Tag } from '@lib/contracts';
import {
  DEFAULT_MAX_DISTANCE,
  InMemoryClusterIndex,
  type ClusterEntry,
  type NearestMatch,
} from './clusters/cluster-index';
import { storyFingerprint } from './clusters/cluster-key';
import { fromHex, toHex, type SimHash } from './clusters/simhash';
import { enrichStory } from './enrich-story';
import type { EntityResources } from './entities/load-gazetteer';
import type { RelatedCandidate } from './related/score-related';
import type { TagStatistics } from './related/tag-statistics';
import { DEFAULT_MAX_TEXT_CHARS, readableLead } from './text/story-text';
import type { CompiledTopicModel } from './topics/predict-topics';

/** Where earlier stories come from: the enricher's window, the search engine offline, or nothing. */
export interface StoryNeighbours {
  clusterNeighbours(
    uri: string,
    signatureHex: string,
  ): Promise<{ uri: string; signature: string; clusterKey: string }[]>;
  relatedCandidates(story: CanonicalStory): Promise<RelatedCandidate[]>;
  tagStatistics(tagIds: string[]): Promise<TagStatistics>;
}

/** Signatures seen lately by this process, which the search engine may not show yet. */
export interface RecentClusters {
  findByUri(uri: string): ClusterEntry | undefined;
  findNearest(signature: SimHash, maxDistance: number): NearestMatch | undefined;
}

export interface EnrichmentResourcesInput {
  entities: EntityResources;
  topics?: CompiledTopicModel;
}

export interface EnrichmentLimits {
  /** Characters of body (and of abstract) read; the rest is ignored (see `readableLead`). */
  maxTextChars?: number;
}

/**
 * Gathers a story's neighbours, then runs the pure `enrichStory` over them. Returns the
 * signature too, so callers can remember it and index it.
 */
export async function enrichWithNeighbours(
  fullStory: CanonicalStory,
  resources: EnrichmentResourcesInput,
  neighbours: StoryNeighbours,
  recent?: RecentClusters,
  limits: EnrichmentLimits = {},
): Promise<{ enrichment: Enrichment; signature: SimHash }> {
  const story = readableLead(fullStory, limits.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS);
  const fingerprint = storyFingerprint(story);
  const { signature } = fingerprint;
  const [indexed, candidates] = await Promise.all([
    neighbours.clusterNeighbours(story.uri, toHex(signature)),
    neighbours.relatedCandidates(story),
  ]);
  const clusterIndex = new InMemoryClusterIndex();
  for (const n of indexed)
    clusterIndex.add({ uri: n.uri, signature: fromHex(n.signature), clusterKey: n.clusterKey });
  const seen =
    recent?.findByUri(story.uri) ?? recent?.findNearest(signature, DEFAULT_MAX_DISTANCE)?.entry;
  if (seen && !clusterIndex.findByUri(seen.uri)) clusterIndex.add(seen);
  // Only tags a candidate carries can be shared, so their frequencies are all scoring needs.
  const tagStatistics = await neighbours.tagStatistics([
    ...new Set(candidates.flatMap((c) => c.tags.map((t) => t.id))),
  ]);
  const enrichment = enrichStory(story, {
    entities: resources.entities,
    topics: resources.topics,
    clusterIndex,
    fingerprint,
    related: { candidates, tagStatistics },
  });
  return {
    enrichment: { ...enrichment, tags: dedupe(enrichment.tags), signature: toHex(signature) },
    signature,
  };
}

function dedupe(tags: Tag[]): Tag[] {
  return [...new Map(tags.map((tag) => [tag.id, tag])).values()];
}

/** For when no search engine is reachable: no neighbours, so no related links and a fresh cluster. */
export const NO_NEIGHBOURS: StoryNeighbours = {
  clusterNeighbours: () => Promise.resolve([]),
  relatedCandidates: () => Promise.resolve([]),
  tagStatistics: () => Promise.resolve({ documentCount: 0, documentFrequency: new Map() }),
};
