import type { Pubstatus } from '@lib/contracts';

export interface StoredVersion {
  version: number;
  pubstatus: string;
  contentHash: string;
}

export interface IncomingVersion {
  version: number;
  pubstatus: Pubstatus;
  contentHash: string;
}

export type VersionDecision =
  | { outcome: 'accepted'; version: number }
  | { outcome: 'duplicate'; version: number }
  | { outcome: 'stale'; version: number };

/**
 * Newest wins per uri. A kill applies to every version of the story: a kill carrying the same
 * (or an older) version number than the stored one is moved just past it, so the indexer's
 * external-version delete outranks everything already indexed.
 */
export function decideVersion(
  current: StoredVersion | null,
  incoming: IncomingVersion,
): VersionDecision {
  if (!current) return { outcome: 'accepted', version: incoming.version };
  const isKill = incoming.pubstatus !== 'usable';
  if (isKill) {
    if (current.pubstatus === incoming.pubstatus)
      return { outcome: 'duplicate', version: current.version };
    return { outcome: 'accepted', version: Math.max(incoming.version, current.version + 1) };
  }
  if (incoming.version < current.version) return { outcome: 'stale', version: current.version };
  if (incoming.version === current.version || incoming.contentHash === current.contentHash) {
    return { outcome: 'duplicate', version: current.version };
  }
  return { outcome: 'accepted', version: incoming.version };
}
