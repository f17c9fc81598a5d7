import type { RelatedLink } from '@lib/contracts';

/** Links a story keeps at most once newer coverage has been linked to it. */
export const MAX_RELATED_LINKS = 10;

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
