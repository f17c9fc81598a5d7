import { simhash } from '@lib/enrichment';
import { RecentSignatures } from './recent-signatures';

const entry = (uri: string, text: string) => ({
  uri,
  signature: simhash(text),
  clusterKey: `c:${uri}`,
});

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
});
