import type { Client } from '@elastic/elasticsearch';
import type { RelatedLink } from '@lib/contracts';
import type { StorySearchDocument } from './search-document';

/** Links a story shows at most, its own and its newer coverage together. */
export const MAX_RELATED_LINKS = 10;

/** Newer stories linking to a story that a read weighs, newest first: far more than it shows. */
export const NEWER_COVERAGE_CANDIDATES = 100;

/** Which of a newer story's links also show on the earlier story, seen from the other side. */
export interface BacklinkPolicy {
  /** A related link at least this strong links the earlier story back to the newer one. */
  minScore: number;
  /** Earlier stories one newer story shows on: its strongest links only. */
  max: number;
}

export type NewerStory = Pick<StorySearchDocument, 'uri' | 'headline' | 'pubstatus' | 'related'>;

/**
 * The link the earlier story shows to a newer one, or null when the newer story's link to it
 * is not among its {@link BacklinkPolicy.max} strongest links above the minimum score, or the
 * newer story is not live. The link carries the newer story's score and reasons.
 */
export function linkBackFrom(
  newer: NewerStory,
  targetUri: string,
  policy: BacklinkPolicy,
): RelatedLink | null {
  if (newer.pubstatus !== 'usable' || newer.uri === targetUri) return null;
  const strongest = newer.related
    .filter((link) => link.score >= policy.minScore && link.uri !== newer.uri)
    .slice(0, policy.max);
  const link = strongest.find((candidate) => candidate.uri === targetUri);
  return link
    ? { uri: newer.uri, headline: newer.headline, score: link.score, reason: link.reason }
    : null;
}

/**
 * A story's newer coverage: the live stories whose own related links point at it strongly
 * enough. Read from the stories index when the story is read (`related_uris`), so nothing is
 * written to an earlier story when a newer one links to it, and a newer story that is killed
 * or drops the link no longer shows.
 */
export async function findNewerCoverage(
  client: Client,
  alias: string,
  uri: string,
  policy: BacklinkPolicy,
): Promise<RelatedLink[]> {
  if (policy.max === 0) return [];
  const response = await client.search<NewerStory>(
    {
      index: alias,
      size: NEWER_COVERAGE_CANDIDATES,
      query: {
        bool: {
          filter: [{ term: { related_uris: uri } }, { term: { pubstatus: 'usable' } }],
          must_not: [{ term: { uri } }],
        },
      },
      sort: [{ versioncreated: { order: 'desc' } }, { uri: { order: 'asc' } }],
      _source: ['uri', 'headline', 'pubstatus', 'related'],
    },
    { ignore: [404] },
  );
  return (response.hits?.hits ?? []).flatMap((hit) => {
    const link = hit._source ? linkBackFrom(hit._source, uri, policy) : null;
    return link ? [link] : [];
  });
}

/**
 * What a reader sees: the story's own links and its newer coverage, one link per story (its
 * own wins), none an editor blocked, strongest first, at most {@link MAX_RELATED_LINKS}.
 */
export function mergeRelatedLinks(
  uri: string,
  own: readonly RelatedLink[],
  newerCoverage: readonly RelatedLink[],
  blocked: ReadonlySet<string> = new Set(),
): RelatedLink[] {
  const seen = new Set(own.map((link) => link.uri));
  const carried = newerCoverage.filter(
    (link) => link.uri !== uri && !seen.has(link.uri) && !blocked.has(link.uri),
  );
  return [...own, ...carried].sort((a, b) => b.score - a.score).slice(0, MAX_RELATED_LINKS);
}
