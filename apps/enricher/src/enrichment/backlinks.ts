import { type CanonicalStory, type Enrichment, type StoryBacklinkedV1 } from '@lib/contracts';

export interface BacklinkPolicy {
  minScore: number;
  max: number;
}

/**
 * The earlier stories a new one should be linked from: only its strongest related links, and
 * only for live stories. Each backlink carries the same score and reasons, seen from the other side.
 */
export function backlinksFor(
  story: CanonicalStory,
  enrichment: Enrichment,
  policy: BacklinkPolicy,
): StoryBacklinkedV1['payload'][] {
  if (story.pubstatus !== 'usable') return [];
  return enrichment.related
    .filter((link) => link.score >= policy.minScore && link.uri !== story.uri)
    .slice(0, policy.max)
    .map((link) => ({
      targetUri: link.uri,
      link: { uri: story.uri, headline: story.headline, score: link.score, reason: link.reason },
    }));
}
