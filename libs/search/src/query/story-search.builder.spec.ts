import {
  buildCopiesSearch,
  buildStorySearch,
  recencyOriginAt,
  sortFor,
  type StorySearchSpec,
} from './story-search.builder';

const base: StorySearchSpec = {
  text: null,
  filters: [],
  from: [],
  to: [],
  sort: 'relevance',
  collapse: true,
  origin: '2024-05-01T12:00:00.000Z',
  facetSize: 10,
};

describe('buildStorySearch', () => {
  it('only ever finds live stories', () => {
    expect(JSON.stringify(buildStorySearch(base).query)).toContain(
      '{"term":{"pubstatus":"usable"}}',
    );
  });

  it('favours recent stories from a fixed origin when sorting by relevance', () => {
    const query = buildStorySearch(base).query as {
      function_score: { functions: { exp?: { versioncreated: { origin: string } } }[] };
    };
    expect(query.function_score.functions[0].exp?.versioncreated.origin).toBe(base.origin);
    expect(buildStorySearch({ ...base, sort: 'newest' }).query).not.toHaveProperty(
      'function_score',
    );
  });

  it('collapses on the collapse key unless asked not to', () => {
    expect(buildStorySearch(base).collapse?.field).toBe('collapse_key');
    expect(buildStorySearch({ ...base, collapse: false }).collapse).toBeUndefined();
  });

  it('rounds bare dates to whole days', () => {
    const json = JSON.stringify(
      buildStorySearch({ ...base, from: ['2024-01-02'], to: ['2024-01-03T10:00:00Z'] }).query,
    );
    expect(json).toContain('{"range":{"versioncreated":{"gte":"2024-01-02||/d"}}}');
    expect(json).toContain('{"range":{"versioncreated":{"lte":"2024-01-03T10:00:00Z"}}}');
  });

  it('maps filter parameters onto their keyword fields', () => {
    const json = JSON.stringify(
      buildStorySearch({
        ...base,
        filters: [
          { name: 'org', group: { mode: 'any', values: ['org:opec', 'org:un'] } },
          { name: 'lang', group: { mode: 'none', values: ['de'] } },
        ],
      }).query,
    );
    expect(json).toContain('{"terms":{"facets.organisation":["org:opec","org:un"]}}');
    expect(json).toContain('"must_not":[{"terms":{"language":["de"]}}]');
  });

  it('ends every sort with the uri so page boundaries are a total order', () => {
    expect(sortFor('relevance').at(-1)).toEqual({ uri: { order: 'asc' } });
    expect(sortFor('newest').at(-1)).toEqual({ uri: { order: 'asc' } });
  });

  it('highlights only when there is text to highlight', () => {
    expect(buildStorySearch(base).highlight).toBeUndefined();
    expect(
      buildStorySearch({ ...base, text: { type: 'term', text: 'oil' } }).highlight?.encoder,
    ).toBe('html');
  });
});

describe('buildCopiesSearch', () => {
  it('matches like the search, restricted to the page clusters, without scoring', () => {
    const spec = {
      text: { type: 'term', text: 'oil' },
      filters: [],
      from: ['2026-01-01'],
      to: [],
      sort: 'relevance',
      collapse: true,
      origin: '2026-11-27T12:00:00Z',
      facetSize: 10,
    } as const satisfies StorySearchSpec;
    const request = buildCopiesSearch(spec, ['c1', 'c2']);
    const matching = (buildStorySearch({ ...spec, sort: 'newest' }).query ?? {}) as object;
    expect(request.query).toEqual({
      bool: { filter: [matching, { terms: { collapse_key: ['c1', 'c2'] } }] },
    });
    expect(request.size).toBe(0);
    expect(request.aggs?.clusters.terms).toEqual({ field: 'collapse_key', size: 2 });
  });
});

describe('recencyOriginAt', () => {
  it('is the start of the minute, so searches within it send the same request', () => {
    expect(recencyOriginAt(new Date('2024-05-01T12:34:56.789Z'))).toBe('2024-05-01T12:34:00.000Z');
    expect(recencyOriginAt(new Date('2024-05-01T12:34:00.000Z'))).toBe('2024-05-01T12:34:00.000Z');
    expect(recencyOriginAt(new Date('2024-05-01T12:34:59.999Z'))).toBe('2024-05-01T12:34:00.000Z');
  });
});
