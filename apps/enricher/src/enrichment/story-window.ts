import { Inject, Injectable } from '@nestjs/common';
import type { CanonicalStory, Tag } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { fromHex, RelatedCandidateIndex } from '@lib/enrichment';
import { RecentSignatures } from './recent-signatures';

/** A story as enriched, by this replica or another: what the window keeps of it. */
export interface WindowEntry {
  story: Pick<
    CanonicalStory,
    'uri' | 'version' | 'pubstatus' | 'headline' | 'description' | 'body_text' | 'versioncreated'
  >;
  tags: readonly Pick<Tag, 'id' | 'kind' | 'confidence'>[];
  cluster?: string;
  /** SimHash hex. */
  signature?: string;
}

/**
 * The recent stories every enricher replica holds in memory: related-link candidates and tag
 * frequencies (`RelatedCandidateIndex`) and SimHash signatures for clustering
 * (`RecentSignatures`). Fed by this replica's own output at once, by every replica's output
 * through the enriched topic, and from the index when the enricher starts.
 */
@Injectable()
export class StoryWindow {
  readonly related: RelatedCandidateIndex;
  readonly signatures: RecentSignatures;

  constructor(@Inject(APP_CONFIG) config: Env) {
    this.related = new RelatedCandidateIndex(config.ENRICHMENT_RELATED_WINDOW);
    this.signatures = new RecentSignatures(config.ENRICHMENT_RECENT_SIGNATURES);
  }

  /** Whether this version of the story, or a newer one, is held already. */
  holds(uri: string, version: number): boolean {
    const held = this.related.versionOf(uri);
    return held !== undefined && held >= version;
  }

  /**
   * Takes a story in; a version older than the one held changes nothing. Only usable stories
   * are candidates: a kill or a withheld version takes the story out.
   */
  remember({ story, tags, cluster, signature }: WindowEntry): void {
    if (this.holds(story.uri, story.version)) return;
    if (cluster && signature)
      this.signatures.remember({
        uri: story.uri,
        signature: fromHex(signature),
        clusterKey: cluster,
      });
    if (story.pubstatus !== 'usable') {
      this.related.remove(story.uri);
      return;
    }
    this.related.add(story, {
      uri: story.uri,
      version: story.version,
      versioncreated: story.versioncreated,
      ...(cluster ? { clusterKey: cluster } : {}),
      // The index keeps its own packed copy of the tags.
      tags,
    });
  }
}
