import { mergeRelated } from './backlink.service';

const reason = { sharedEntities: [], sharedTerms: [] };

describe('mergeRelated', () => {
  it('adds the newer coverage in score order without duplicating a link', () => {
    const merged = mergeRelated(
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
});
