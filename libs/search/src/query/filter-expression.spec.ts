import {
  applyFilterGroup,
  FilterExpressionError,
  parseFilterExpression,
} from './filter-expression';

describe('parseFilterExpression', () => {
  it('reads a single value as a required value', () => {
    expect(parseFilterExpression('place:ly')).toEqual({ mode: 'all', values: ['place:ly'] });
  });

  it('reads commas as all of, pipes as any of', () => {
    expect(parseFilterExpression('place:ly,place:tr')).toEqual({
      mode: 'all',
      values: ['place:ly', 'place:tr'],
    });
    expect(parseFilterExpression('place:ly|place:tr')).toEqual({
      mode: 'any',
      values: ['place:ly', 'place:tr'],
    });
  });

  it('reads a leading minus as none of the list', () => {
    expect(parseFilterExpression('-place:ly')).toEqual({ mode: 'none', values: ['place:ly'] });
    expect(parseFilterExpression('-place:ly|place:tr')).toEqual({
      mode: 'none',
      values: ['place:ly', 'place:tr'],
    });
    expect(parseFilterExpression('-place:ly,place:tr')).toEqual({
      mode: 'none',
      values: ['place:ly', 'place:tr'],
    });
  });

  it.each([
    ['', /expected a value/],
    ['a,|b', /either ","/],
    ['a,,b', /between separators/],
    ['a,-b', /minus goes in front/],
    ['a|', /between separators/],
  ])('rejects %j', (raw, reason) => {
    expect(() => parseFilterExpression(raw)).toThrow(FilterExpressionError);
    expect(() => parseFilterExpression(raw)).toThrow(reason);
  });
});

describe('applyFilterGroup', () => {
  it('requires each value of an all-of group, one of an any-of group, none of a none-of group', () => {
    const target = { filter: [], must_not: [] };
    applyFilterGroup('facets.place', { mode: 'all', values: ['a', 'b'] }, target);
    applyFilterGroup('source', { mode: 'any', values: ['x', 'y'] }, target);
    applyFilterGroup('language', { mode: 'none', values: ['de'] }, target);
    expect(target).toEqual({
      filter: [
        { term: { 'facets.place': 'a' } },
        { term: { 'facets.place': 'b' } },
        { terms: { source: ['x', 'y'] } },
      ],
      must_not: [{ terms: { language: ['de'] } }],
    });
  });
});
