import type { RelatedLink } from '@lib/contracts';

/** Links a story keeps at most once newer coverage has been linked to it. */
export const MAX_RELATED_LINKS = 10;

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

/**
 * A re-enriched story's own links plus the newer coverage it had gathered: one link per story
 * (its own, freshly scored link wins), strongest first, at most `max`.
 */
export function withNewerCoverage(
  uri: string,
  related: readonly RelatedLink[],
  newerCoverage: readonly RelatedLink[],
  max = MAX_RELATED_LINKS,
): RelatedLink[] {
  const own = new Set(related.map((link) => link.uri));
  const carried = newerCoverage.filter((link) => link.uri !== uri && !own.has(link.uri));
  return [...related, ...carried].sort((a, b) => b.score - a.score).slice(0, max);
}
