import { buildTextQuery } from './text-query.builder';
import { parseUserQuery } from './user-query.parser';

function build(q: string): unknown {
  const node = parseUserQuery(q);
  if (!node) throw new Error('empty');
  return buildTextQuery(node);
}

describe('buildTextQuery', () => {
  it('searches a word in the stemmed, exact and folded text', () => {
    expect(build('Erdoğan')).toEqual({
      bool: {
        should: [
          {
            multi_match: {
              query: 'Erdoğan',
              fields: [
                'headline^3',
                'headline.exact^2',
                'description^2',
                'description.exact',
                'body_text',
                'body_text.exact',
              ],
              type: 'best_fields',
              operator: 'and',
            },
          },
          { match: { folded_text: { query: 'erdogan', operator: 'and' } } },
        ],
        minimum_should_match: 1,
      },
    });
  });

  it('keeps phrases as phrase queries on the prefixed field only', () => {
    expect(build('byline:"Jane Doe"')).toEqual({
      bool: {
        should: [
          { multi_match: { query: 'Jane Doe', fields: ['byline'], type: 'phrase' } },
          { match_phrase: { folded_byline: { query: 'jane doe' } } },
        ],
        minimum_should_match: 1,
      },
    });
  });

  it('puts negated parts of an AND into must_not', () => {
    const query = build('Libya -Turkey') as { bool: { must: unknown[]; must_not: unknown[] } };
    expect(query.bool.must).toHaveLength(1);
    expect(query.bool.must_not).toHaveLength(1);
    expect(JSON.stringify(query.bool.must_not)).toContain('Turkey');
  });

  it('requires one of the alternatives of an OR', () => {
    const query = build('oil OR gas') as {
      bool: { should: unknown[]; minimum_should_match: number };
    };
    expect(query.bool.should).toHaveLength(2);
    expect(query.bool.minimum_should_match).toBe(1);
  });

  it('never produces query_string syntax', () => {
    expect(JSON.stringify(build('title:* OR (a AND "b c") NOT headline:d'))).not.toMatch(
      /query_string/,
    );
  });
});
