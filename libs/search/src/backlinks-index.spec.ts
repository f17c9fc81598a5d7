import { MAX_RELATED_LINKS, backlinksIndexFor, mergeRelatedLinks } from './backlinks-index';

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

describe('backlinksIndexFor', () => {
  it('sits beside the stories indexes, under the alias prefix', () => {
    expect(backlinksIndexFor('newswire-stories')).toBe('newswire-stories-backlinks');
  });
});
