import type { Client } from '@elastic/elasticsearch';
import type { RelatedLink } from '@lib/contracts';
import { documentIdFor } from './search-document';
import { ensureSideIndex } from './side-index';

/** Links a story shows at most, its own and its newer coverage together. */
export const MAX_RELATED_LINKS = 10;

/**
 * A story's links to newer coverage (backlinks), kept apart from its document: adding one is a
 * small write of stored fields only, where rewriting the story would analyse its text and tags
 * again, and a new version of the story leaves them alone.
 */
export interface BacklinksDocument {
  uri: string;
  links: RelatedLink[];
}

/** Beside the stories' versioned indexes, under the same prefix (and the same access rules). */
export function backlinksIndexFor(alias: string): string {
  return `${alias}-backlinks`;
}

/** Creates the backlinks index the first time; nothing in it is searched, only read by id. */
export function ensureBacklinksIndex(client: Client, alias: string): Promise<string> {
  return ensureSideIndex(client, backlinksIndexFor(alias), {
    uri: { type: 'keyword' },
    links: { type: 'object', enabled: false },
  });
}

/** The backlinks of each story asked for that has any; a missing index holds none. */
export async function readBacklinks(
  client: Client,
  alias: string,
  uris: readonly string[],
): Promise<Map<string, RelatedLink[]>> {
  const found = new Map<string, RelatedLink[]>();
  if (uris.length === 0) return found;
  const response = await client.mget<BacklinksDocument>(
    { index: backlinksIndexFor(alias), ids: uris.map(documentIdFor) },
    { ignore: [404] },
  );
  for (const doc of response.docs ?? [])
    if ('found' in doc && doc.found && doc._source) found.set(doc._source.uri, doc._source.links);
  return found;
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
