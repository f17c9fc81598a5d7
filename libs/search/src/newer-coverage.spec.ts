import {
  MAX_RELATED_LINKS,
  linkBackFrom,
  mergeRelatedLinks,
  type NewerStory,
} from './newer-coverage';

const reason = { sharedEntities: [], sharedTerms: [] };
const link = (uri: string, score: number) => ({ uri, score, reason });

describe('mergeRelatedLinks', () => {
  it('adds newer coverage to the own links, strongest first, one link per story (own wins)', () => {
    const merged = mergeRelatedLinks(
      'me',
      [link('a', 0.9), link('b', 0.4)],
      [link('b', 1.5), link('c', 1.2), link('me', 2)],
    );
    expect(merged.map((l) => [l.uri, l.score])).toEqual([
      ['c', 1.2],
      ['a', 0.9],
      ['b', 0.4],
    ]);
  });

  it('leaves out newer coverage an editor blocked', () => {
    const merged = mergeRelatedLinks('me', [link('a', 0.9)], [link('c', 1.2)], new Set(['c']));
    expect(merged.map((l) => l.uri)).toEqual(['a']);
  });

  it('shows at most ten links', () => {
    const newer = Array.from({ length: 15 }, (_, i) => link(`n${i}`, i));
    const merged = mergeRelatedLinks('me', [link('a', 100)], newer);
    expect(merged).toHaveLength(MAX_RELATED_LINKS);
    expect(merged[0]?.uri).toBe('a');
    expect(merged.map((l) => l.uri)).not.toContain('n5');
  });
});

describe('linkBackFrom', () => {
  const newer: NewerStory = {
    uri: 'new',
    headline: 'Newer coverage',
    pubstatus: 'usable',
    related: [link('old-1', 1.4), link('old-2', 1.1), link('old-3', 0.4)],
  };

  it("links back only from the newer story's strongest links above the minimum score", () => {
    expect(linkBackFrom(newer, 'old-1', { minScore: 1, max: 1 })).toEqual({
      uri: 'new',
      headline: 'Newer coverage',
      score: 1.4,
      reason,
    });
    expect(linkBackFrom(newer, 'old-2', { minScore: 1, max: 1 })).toBeNull();
    expect(linkBackFrom(newer, 'old-2', { minScore: 1, max: 5 })?.score).toBe(1.1);
    expect(linkBackFrom(newer, 'old-3', { minScore: 1, max: 5 })).toBeNull();
    expect(linkBackFrom(newer, 'old-3', { minScore: 0, max: 5 })?.score).toBe(0.4);
  });

  it('never links back from a story that is not live, nor to the story itself', () => {
    expect(
      linkBackFrom({ ...newer, pubstatus: 'canceled' }, 'old-1', { minScore: 0, max: 5 }),
    ).toBeNull();
    const selfLinked = { ...newer, related: [link('new', 3), link('old-1', 1.4)] };
    expect(linkBackFrom(selfLinked, 'new', { minScore: 0, max: 5 })).toBeNull();
    expect(linkBackFrom(selfLinked, 'old-1', { minScore: 0, max: 1 })?.uri).toBe('new');
  });

  it('shows nothing when no story may link back', () => {
    expect(linkBackFrom(newer, 'old-1', { minScore: 0, max: 0 })).toBeNull();
  });
});
