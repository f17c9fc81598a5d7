import { hammingDistance, simhash, type ClusterEntry, type SimHash } from '@lib/enrichment';
import { RecentSignatures } from './recent-signatures';

const entry = (uri: string, text: string) => ({
  uri,
  signature: simhash(text),
  clusterKey: `c:${uri}`,
});

const signature = (hi: number, lo: number): SimHash => ({ hi: hi >>> 0, lo: lo >>> 0 });

describe('RecentSignatures', () => {
  it('finds the near-duplicate and forgets the oldest past capacity', () => {
    const recent = new RecentSignatures(2);
    const text =
      'Oil prices rose sharply on Tuesday after OPEC ministers agreed in Vienna to extend output cuts into next year';
    recent.remember(entry('a', text));
    recent.remember(
      entry(
        'b',
        'The central bank left interest rates unchanged and signalled patience on future moves',
      ),
    );
    expect(recent.findNearest(simhash(`${text}, traders said`), 12)?.entry.uri).toBe('a');
    recent.remember(entry('c', 'Storms cut power to thousands of homes along the coast overnight'));
    expect(recent.findByUri('a')).toBeUndefined();
    expect(recent.findByUri('c')?.clusterKey).toBe('c:c');
  });

  it('moves a uri seen again to the newest end, so it outlives what came after its first sighting', () => {
    const recent = new RecentSignatures(3);
    recent.remember({ uri: 'a', signature: signature(1, 0), clusterKey: 'k:a1' });
    recent.remember({ uri: 'b', signature: signature(2, 0), clusterKey: 'k:b' });
    recent.remember({ uri: 'a', signature: signature(3, 0), clusterKey: 'k:a2' });
    recent.remember({ uri: 'c', signature: signature(4, 0), clusterKey: 'k:c' });
    recent.remember({ uri: 'd', signature: signature(5, 0), clusterKey: 'k:d' });
    expect(recent.findByUri('b')).toBeUndefined();
    expect(recent.findByUri('a')?.clusterKey).toBe('k:a2');
    // The first sighting of a no longer matches anything.
    expect(recent.findNearest(signature(1, 0), 0)).toBeUndefined();
    expect(recent.findNearest(signature(3, 0), 0)?.entry.clusterKey).toBe('k:a2');
  });

  it('prefers the closest signature, and of equally close ones the oldest', () => {
    const recent = new RecentSignatures(4);
    recent.remember({ uri: 'far', signature: signature(0b111, 0), clusterKey: 'far' });
    recent.remember({ uri: 'old', signature: signature(0b1, 0), clusterKey: 'old' });
    recent.remember({ uri: 'new', signature: signature(0b10, 0), clusterKey: 'new' });
    expect(recent.findNearest(signature(0, 0), 12)).toEqual({
      entry: expect.objectContaining({ uri: 'old' }) as ClusterEntry,
      distance: 1,
    });
    expect(recent.findNearest(signature(0, 0xffff), 12)).toBeUndefined();
  });

  it('answers as a plain scan of the newest signatures does, after the ring has wrapped', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const capacity = 50;
    const recent = new RecentSignatures(capacity);
    const remembered: ClusterEntry[] = [];
    for (let i = 0; i < 400; i++) {
      // Few distinct bits so that near matches happen; some uris come back.
      const uri = `u${random() % 300}`;
      const e = {
        uri,
        signature: signature(random() & 0xff, random() & 0x0f),
        clusterKey: `k${i}`,
      };
      recent.remember(e);
      remembered.push(e);
      const probe = signature(random() & 0xff, random() & 0x0f);
      const newest = new Map<string, ClusterEntry>();
      for (const r of remembered.slice(-capacity)) {
        newest.delete(r.uri);
        newest.set(r.uri, r);
      }
      // Each entry has a cluster key of its own: the one held for a uri tells which it is.
      const live = [...newest.values()].filter(
        (r) => recent.findByUri(r.uri)?.clusterKey === r.clusterKey,
      );
      let best: { entry: ClusterEntry; distance: number } | undefined;
      for (const r of live) {
        const distance = hammingDistance(probe, r.signature);
        if (distance <= 4 && (!best || distance < best.distance)) best = { entry: r, distance };
      }
      const found = recent.findNearest(probe, 4);
      expect([found?.entry.uri, found?.distance]).toEqual([best?.entry.uri, best?.distance]);
    }
  });
});
