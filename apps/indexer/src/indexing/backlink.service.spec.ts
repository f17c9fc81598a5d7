import { mergeBacklink } from './backlink.service';

const reason = { sharedEntities: [], sharedTerms: [] };

describe('mergeBacklink', () => {
  it('adds the newer coverage in score order without duplicating a link', () => {
    const merged = mergeBacklink(
      'target',
      [
        { uri: 'a', score: 2, reason },
        { uri: 'b', score: 0.5, reason },
      ],
      { uri: 'b', score: 1.2, reason },
    );
    expect(merged.map((l) => [l.uri, l.score])).toEqual([
      ['a', 2],
      ['b', 1.2],
    ]);
  });

  it('keeps the ten strongest', () => {
    const existing = Array.from({ length: 10 }, (_, i) => ({ uri: `s${i}`, score: 1 + i, reason }));
    const merged = mergeBacklink('target', existing, { uri: 'new', score: 5.5, reason });
    expect(merged).toHaveLength(10);
    expect(merged.map((l) => l.uri)).toContain('new');
    expect(merged.map((l) => l.uri)).not.toContain('s0');
  });
});
