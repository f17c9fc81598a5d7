import {
  MAX_TAG_CANDIDATES,
  buildLiveTagCounts,
  buildTagCandidates,
  readLiveTagCounts,
  readTagCandidates,
} from './tag-suggest.builder';

describe('tag suggestions', () => {
  it('matches the start of a word with one word, and a phrase prefix with several', () => {
    expect(buildTagCandidates({ q: 'Erdoğ', size: 10 })?.query).toEqual({
      bool: { filter: [{ prefix: { folded: { value: 'erdog' } } }] },
    });
    expect(buildTagCandidates({ q: 'recep tay', kind: 'person', size: 10 })?.query).toEqual({
      bool: {
        filter: [
          { match_phrase_prefix: { folded: { query: 'recep tay', max_expansions: 200 } } },
          { term: { kind: 'person' } },
        ],
      },
    });
  });

  it('asks for ids only, as many as the result window allows', () => {
    const request = buildTagCandidates({ q: 'lib', size: 10 });
    expect(request).toMatchObject({ size: MAX_TAG_CANDIDATES, _source: false });
    expect(request?.docvalue_fields).toEqual(['id']);
  });

  it('has no candidates to find when nothing searchable was typed', () => {
    expect(buildTagCandidates({ q: ' -!- ', size: 10 })).toBeNull();
    expect(buildTagCandidates({ q: null, size: 10 })).toBeNull();
  });

  it('reads candidate ids from their doc values', () => {
    expect(
      readTagCandidates([
        { fields: { id: ['place:ly'] } },
        { fields: {} },
        { fields: { id: [7] } },
      ]),
    ).toEqual(['place:ly']);
  });

  it('counts only live stories, over the candidates when there are some', () => {
    const counts = buildLiveTagCounts({ ids: ['place:ly', 'place:sa'], kind: 'place' }, 10);
    expect(counts.query).toEqual({ term: { pubstatus: 'usable' } });
    expect(counts.aggs).toEqual({
      ids: { terms: { field: 'facets.tag', size: 10, include: ['place:ly', 'place:sa'] } },
    });
  });

  it('counts every tag of a kind on its own facet field when nothing was typed', () => {
    expect(buildLiveTagCounts({ kind: 'organisation' }, 5).aggs).toEqual({
      ids: { terms: { field: 'facets.organisation', size: 5 } },
    });
    expect(buildLiveTagCounts({}, 5).aggs).toEqual({
      ids: { terms: { field: 'facets.tag', size: 5 } },
    });
  });

  it('reads the counts most used first, as the engine ordered them', () => {
    expect(
      readLiveTagCounts({
        ids: {
          buckets: [
            { key: 'place:ly', doc_count: 4 },
            { key: 'place:sa', doc_count: 1 },
          ],
        },
      }),
    ).toEqual([
      { id: 'place:ly', count: 4 },
      { id: 'place:sa', count: 1 },
    ]);
    expect(readLiveTagCounts(undefined)).toEqual([]);
  });
});
