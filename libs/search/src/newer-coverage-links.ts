import type { RelatedLink } from '@lib/contracts';

/** What the index holds for a story now: when that version was created, and its links. */
export interface IndexedLinks {
  versioncreated: string;
  related: readonly RelatedLink[];
}

/**
 * The links to newer coverage an indexed story has gathered since it was enriched (backlinks).
 * A story's own links only ever point at stories no newer than itself, so a link to a story
 * created after the indexed version can only have come from that newer story. Links to stories
 * no longer live (killed, withheld) are dropped: `liveTargets` maps each live target's uri to its
 * versioncreated.
 */
export function newerCoverageLinks(
  indexed: IndexedLinks,
  liveTargets: ReadonlyMap<string, string>,
): RelatedLink[] {
  const since = Date.parse(indexed.versioncreated);
  if (!Number.isFinite(since)) return [];
  return indexed.related.filter((link) => {
    const created = liveTargets.get(link.uri);
    return created !== undefined && Date.parse(created) > since;
  });
}
