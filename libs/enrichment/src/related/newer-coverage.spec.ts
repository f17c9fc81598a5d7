import type { RelatedLink } from '@lib/contracts';
import { withNewerCoverage } from './newer-coverage';

const reason = { sharedEntities: ['person:khalifa-haftar'], sharedTerms: [] };
const link = (uri: string, score: number): RelatedLink => ({ uri, score, reason });

describe('withNewerCoverage', () => {
  it('adds the newer coverage to the story’s own links, strongest first', () => {
    const merged = withNewerCoverage(
      'a',
      [link('old-1', 1.1), link('old-2', 0.3)],
      [link('newer', 1.4)],
    );
    expect(merged.map((l) => l.uri)).toEqual(['newer', 'old-1', 'old-2']);
  });

  it('lets a freshly scored own link win over a kept one to the same story', () => {
    const merged = withNewerCoverage('a', [link('b', 0.8)], [link('b', 1.5)]);
    expect(merged).toEqual([link('b', 0.8)]);
  });

  it('never links a story to itself and stays bounded', () => {
    const newer = Array.from({ length: 12 }, (_, i) => link(`n${i}`, 2 - i / 10));
    const merged = withNewerCoverage('a', [link('old', 0.5)], [link('a', 3), ...newer], 10);
    expect(merged).toHaveLength(10);
    expect(merged.map((l) => l.uri)).not.toContain('a');
    expect(merged[0].uri).toBe('n0');
  });
});
