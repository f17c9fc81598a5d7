import { facetAggregations, facetTagIds, readFacetCounts, withFacetNames } from './facets';

const aggregations = {
  sources: { buckets: [{ key: 'reuters', doc_count: 7 }] },
  people: { buckets: [{ key: 'person:khalifa-haftar', doc_count: 3 }] },
  organisations: { buckets: [{ key: 'org:opec', doc_count: 5 }] },
  places: {
    buckets: [
      { key: 'place:ly', doc_count: 4 },
      { key: 'place:sa', doc_count: 2 },
    ],
  },
  topics: { buckets: [] },
};

describe('facets', () => {
  it('counts tags on the flat keyword fields, not through the nested tag entries', () => {
    const aggs = facetAggregations(10);
    expect(aggs.places).toEqual({ terms: { field: 'facets.place', size: 10 } });
    expect(aggs.organisations).toEqual({ terms: { field: 'facets.organisation', size: 10 } });
    expect(aggs.sources).toEqual({ terms: { field: 'source', size: 10 } });
    expect(JSON.stringify(aggs)).not.toContain('nested');
  });

  it('names tag buckets from the given names, keeping the id where no name is known', () => {
    const counts = readFacetCounts(aggregations);
    expect(facetTagIds(counts)).toEqual([
      'person:khalifa-haftar',
      'org:opec',
      'place:ly',
      'place:sa',
    ]);
    const facets = withFacetNames(
      counts,
      new Map([
        ['place:ly', 'Libya'],
        ['org:opec', 'OPEC'],
      ]),
    );
    expect(facets.places).toEqual([
      { id: 'place:ly', name: 'Libya', count: 4 },
      { id: 'place:sa', name: 'place:sa', count: 2 },
    ]);
    expect(facets.organisations).toEqual([{ id: 'org:opec', name: 'OPEC', count: 5 }]);
    expect(facets.sources).toEqual([{ id: 'reuters', name: 'reuters', count: 7 }]);
    expect(facets.topics).toEqual([]);
  });

  it('reads no aggregations as empty facets', () => {
    expect(readFacetCounts(undefined)).toEqual({
      people: [],
      organisations: [],
      places: [],
      topics: [],
      sources: [],
    });
  });
});
