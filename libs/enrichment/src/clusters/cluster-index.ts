import { hammingDistance, type SimHash, toHex } from './simhash';

export interface ClusterEntry {
  uri: string;
  signature: SimHash;
  clusterKey: string;
}

export interface NearestMatch {
  entry: ClusterEntry;
  distance: number;
}

/**
 * Where signatures of earlier stories live. In memory here; the enricher can back it with
 * PostgreSQL or Elasticsearch (index the four bands as keywords, query any-band-equal).
 */
export interface ClusterIndex {
  findNearest(signature: SimHash, maxDistance: number): NearestMatch | undefined;
  findByUri(uri: string): ClusterEntry | undefined;
  add(entry: ClusterEntry): void;
}

/**
 * In-memory index with an exhaustive scan: a popcount per entry is ~10 ns, so tens of thousands
 * of recent stories scan in well under a millisecond. A database backend would pre-filter by
 * time window (clusters are about one news cycle) and compute bit_count(a # b) in SQL.
 */
export class InMemoryClusterIndex implements ClusterIndex {
  private readonly entries: ClusterEntry[] = [];
  private readonly byUri = new Map<string, ClusterEntry>();

  findNearest(signature: SimHash, maxDistance: number): NearestMatch | undefined {
    let best: NearestMatch | undefined;
    for (const entry of this.entries) {
      const distance = hammingDistance(signature, entry.signature);
      if (distance <= maxDistance && (!best || distance < best.distance))
        best = { entry, distance };
    }
    return best;
  }

  findByUri(uri: string): ClusterEntry | undefined {
    return this.byUri.get(uri);
  }

  add(entry: ClusterEntry): void {
    const previous = this.byUri.get(entry.uri);
    if (previous) this.entries.splice(this.entries.indexOf(previous), 1);
    this.byUri.set(entry.uri, entry);
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }
}

/**
 * Bits two stories may differ by and still be one cluster. Measured: a new version with an added
 * paragraph differs by ~6 bits, a rewritten lede by ~9, unrelated stories by 20 or more.
 */
export const DEFAULT_MAX_DISTANCE = 12;

/**
 * The cluster key for a story: the key of an earlier version of the same uri, else of the nearest
 * earlier near-duplicate, else a new key from its own signature. Registers the story in the index.
 */
export function assignCluster(
  index: ClusterIndex,
  uri: string,
  signature: SimHash,
  maxDistance: number = DEFAULT_MAX_DISTANCE,
): string {
  const clusterKey =
    index.findByUri(uri)?.clusterKey ??
    index.findNearest(signature, maxDistance)?.entry.clusterKey ??
    `sh:${toHex(signature)}`;
  index.add({ uri, signature, clusterKey });
  return clusterKey;
}
