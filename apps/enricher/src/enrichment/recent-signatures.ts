import {
  hammingDistance,
  type ClusterEntry,
  type NearestMatch,
  type SimHash,
} from '@lib/enrichment';

/**
 * The signatures this enricher saw most recently, bounded: copies of one event from several
 * wires often arrive within seconds, before the search engine can show the first of them.
 */
export class RecentSignatures {
  private readonly entries = new Map<string, ClusterEntry>();

  constructor(private readonly capacity: number) {}

  findByUri(uri: string): ClusterEntry | undefined {
    return this.entries.get(uri);
  }

  findNearest(signature: SimHash, maxDistance: number): NearestMatch | undefined {
    let best: NearestMatch | undefined;
    for (const entry of this.entries.values()) {
      const distance = hammingDistance(signature, entry.signature);
      if (distance <= maxDistance && (!best || distance < best.distance))
        best = { entry, distance };
    }
    return best;
  }

  /** Re-adding a uri moves it to the newest end; past capacity the oldest go first. */
  remember(entry: ClusterEntry): void {
    this.entries.delete(entry.uri);
    this.entries.set(entry.uri, entry);
    for (const uri of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(uri);
    }
  }
}
