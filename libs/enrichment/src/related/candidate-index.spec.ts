import { RelatedCandidateIndex, type WindowStory } from './candidate-index';

const story = (
  uri: string,
  body: string,
  versioncreated = '2026-11-27T10:00:00Z',
  tags: WindowStory['tags'] = [],
) => ({
  text: { headline: uri, body_text: body },
  meta: { uri, versioncreated, clusterKey: `c-${uri}`, tags },
});

function add(index: RelatedCandidateIndex, s: ReturnType<typeof story>): void {
  index.add(s.text, s.meta);
}

const OIL = 'opec oil ministers agreed output quota crude prices barrel vienna';
const WHEAT = 'wheat harvest export tender grain farmers drought kansas';

describe('RelatedCandidateIndex', () => {
  it('ranks stories sharing more characteristic terms first, normalised by the best', () => {
    const index = new RelatedCandidateIndex(10);
    add(
      index,
      story('a', `${OIL} saudi`, '2026-11-27T10:00:00Z', [
        { id: 'topic:crude', kind: 'topic', confidence: 0.75 },
        { id: 'org:opec', kind: 'organisation', confidence: 1 },
      ]),
    );
    add(index, story('b', 'opec crude prices fell on monday trading desks'));
    add(index, story('c', WHEAT));
    const found = index.candidates({ uri: 'q', headline: '', body_text: `${OIL} saudi arabia` }, 5);
    expect(found.map((c) => c.uri)).toEqual(['a', 'b']);
    expect(found[0].textSimilarity).toBe(1);
    expect(found[1].textSimilarity).toBeGreaterThan(0);
    expect(found[1].textSimilarity).toBeLessThan(1);
    expect(found[0]).toMatchObject({
      clusterKey: 'c-a',
      versioncreated: '2026-11-27T10:00:00.000Z',
      tags: [
        { id: 'topic:crude', kind: 'topic', confidence: 0.75 },
        { id: 'org:opec', kind: 'organisation', confidence: 1 },
      ],
    });
    expect(found[0].terms).toEqual(expect.arrayContaining(['opec', 'saudi', 'vienna']));
    expect(found[0].terms).not.toContain('arabia');
  });

  it('never proposes the story itself, and keeps to earlier stories when asked', () => {
    const index = new RelatedCandidateIndex(10);
    add(index, story('old', OIL, '2026-11-27T08:00:00Z'));
    add(index, story('new', OIL, '2026-11-27T12:00:00Z'));
    add(index, story('q', OIL, '2026-11-27T10:00:00Z'));
    const query = { uri: 'q', headline: '', body_text: OIL };
    expect(
      index
        .candidates(query, 5)
        .map((c) => c.uri)
        .sort(),
    ).toEqual(['new', 'old']);
    expect(index.candidates(query, 5, '2026-11-27T10:00:00Z').map((c) => c.uri)).toEqual(['old']);
  });

  it('asks for a tenth of the query terms in common', () => {
    const index = new RelatedCandidateIndex(10, { maxQueryTerms: 40, minimumShouldMatch: 0.1 });
    const text = `${OIL} ${WHEAT} tokyo yen bank japan dollar`;
    // 24 terms, so two must be shared. Terms no story holds are not looked up: one holds them all.
    add(index, story('all-terms', text));
    add(index, story('one-term', 'opec'));
    add(index, story('two-terms', 'opec vienna'));
    expect(
      index.candidates({ uri: 'q', headline: '', body_text: text }, 5).map((c) => c.uri),
    ).toEqual(['all-terms', 'two-terms']);
  });

  it('returns at most the number asked for', () => {
    const index = new RelatedCandidateIndex(50);
    for (let i = 0; i < 30; i++) add(index, story(`s${i}`, `${OIL} extra${i}`));
    expect(index.candidates({ uri: 'q', headline: '', body_text: OIL }, 7)).toHaveLength(7);
    expect(index.candidates({ uri: 'q', headline: '', body_text: OIL }, 0)).toEqual([]);
    expect(
      index.candidates({ uri: 'q', headline: '', body_text: 'nothing shared here' }, 5),
    ).toEqual([]);
  });

  it('holds one version per uri, and forgets removed stories', () => {
    const index = new RelatedCandidateIndex(10);
    add(index, story('a', OIL));
    add(index, story('a', WHEAT));
    expect(index.size).toBe(1);
    expect(index.candidates({ uri: 'q', headline: '', body_text: OIL }, 5)).toEqual([]);
    expect(
      index.candidates({ uri: 'q', headline: '', body_text: WHEAT }, 5).map((c) => c.uri),
    ).toEqual(['a']);
    index.remove('a');
    index.remove('never-seen');
    expect(index.size).toBe(0);
    expect(index.has('a')).toBe(false);
    expect(index.candidates({ uri: 'q', headline: '', body_text: WHEAT }, 5)).toEqual([]);
  });

  it('lets the oldest stories go once full', () => {
    const index = new RelatedCandidateIndex(3);
    for (const uri of ['s1', 's2', 's3', 's4']) add(index, story(uri, OIL));
    expect(index.size).toBe(3);
    expect(index.has('s1')).toBe(false);
    expect(
      index
        .candidates({ uri: 'q', headline: '', body_text: OIL }, 5)
        .map((c) => c.uri)
        .sort(),
    ).toEqual(['s2', 's3', 's4']);
  });

  it('finds the same stories after dropping the postings of thousands that left', () => {
    const index = new RelatedCandidateIndex(100);
    // Numbers are no terms, so each story gets a word of its own spelt in letters.
    const word = (i: number): string => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[+d]);
    for (let i = 0; i < 5_000; i++) add(index, story(`s${i}`, `${OIL} w${word(i)}`));
    const found = index.candidates(
      { uri: 'q', headline: '', body_text: `${OIL} w${word(4990)}` },
      3,
    );
    expect(found[0].uri).toBe('s4990');
    expect(found.every((c) => Number(c.uri.slice(1)) >= 4_900)).toBe(true);
    expect(index.size).toBe(100);
  });

  it('counts the stories of the window that carry each tag', () => {
    const index = new RelatedCandidateIndex(2);
    const tag = (id: string) => ({ id, kind: 'topic' as const, confidence: 1 });
    add(index, story('a', OIL, undefined, [tag('t:crude'), tag('t:crude')]));
    add(index, story('b', OIL, undefined, [tag('t:crude'), tag('t:grain')]));
    expect(index.tagStatistics(['t:crude', 't:grain', 't:none'])).toEqual({
      documentCount: 2,
      documentFrequency: new Map([
        ['t:crude', 2],
        ['t:grain', 1],
        ['t:none', 0],
      ]),
    });
    add(index, story('c', WHEAT, undefined, [tag('t:grain')]));
    expect(index.tagStatistics(['t:crude', 't:grain']).documentFrequency).toEqual(
      new Map([
        ['t:crude', 1],
        ['t:grain', 2],
      ]),
    );
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RelatedCandidateIndex(0)).toThrow(RangeError);
  });
});

describe('RelatedCandidateIndex sequence numbers', () => {
  it('renumbers the stories it holds when the numbers reach their limit, and still finds them', () => {
    const index = new RelatedCandidateIndex(10, { sequenceLimit: 20 });
    const word = (i: number): string => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[+d]);
    for (let i = 0; i < 200; i++) add(index, story(`s${i}`, `${OIL} w${word(i)}`));
    expect(index.size).toBe(10);
    const found = index.candidates(
      { uri: 'q', headline: '', body_text: `${OIL} w${word(195)}` },
      3,
    );
    expect(found[0]?.uri).toBe('s195');
    expect(found[0]?.terms).toContain(`w${word(195)}`);
    expect(
      index
        .candidates({ uri: 'q', headline: '', body_text: OIL }, 20)
        .map((c) => c.uri)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `s${190 + i}`).sort());
  });

  it('refuses more query terms than it can track, or a limit below two windows', () => {
    expect(() => new RelatedCandidateIndex(10, { maxQueryTerms: 65 })).toThrow(RangeError);
    expect(() => new RelatedCandidateIndex(10, { sequenceLimit: 19 })).toThrow(RangeError);
  });
});
