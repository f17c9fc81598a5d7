import { UserQueryError } from './user-query';
import { parseUserQuery } from './user-query.parser';

const term = (text: string, field?: string) => ({
  type: 'term',
  text,
  ...(field ? { field } : {}),
});
const phrase = (text: string, field?: string) => ({
  type: 'phrase',
  text,
  ...(field ? { field } : {}),
});

function errorOf(q: string): UserQueryError {
  try {
    parseUserQuery(q);
  } catch (error) {
    if (error instanceof UserQueryError) return error;
    throw error;
  }
  throw new Error(`expected "${q}" to be rejected`);
}

describe('parseUserQuery', () => {
  it('returns null when there is nothing to search for', () => {
    expect(parseUserQuery('')).toBeNull();
    expect(parseUserQuery('   ')).toBeNull();
    expect(parseUserQuery(' & - ')).toBeNull();
  });

  it('reads juxtaposed words as AND', () => {
    expect(parseUserQuery('oil prices')).toEqual({
      type: 'and',
      children: [term('oil'), term('prices')],
    });
  });

  it('keeps quoted phrases whole', () => {
    expect(parseUserQuery('"security delegation" Moscow')).toEqual({
      type: 'and',
      children: [phrase('security delegation'), term('Moscow')],
    });
  });

  it('binds AND tighter than OR', () => {
    expect(parseUserQuery('oil AND gas OR coal')).toEqual({
      type: 'or',
      children: [{ type: 'and', children: [term('oil'), term('gas')] }, term('coal')],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseUserQuery('oil AND (gas OR coal)')).toEqual({
      type: 'and',
      children: [term('oil'), { type: 'or', children: [term('gas'), term('coal')] }],
    });
  });

  it('negates with NOT and with a leading minus', () => {
    const expected = {
      type: 'and',
      children: [term('Libya'), { type: 'not', child: term('Turkey') }],
    };
    expect(parseUserQuery('Libya NOT Turkey')).toEqual(expected);
    expect(parseUserQuery('Libya -Turkey')).toEqual(expected);
    expect(parseUserQuery('Libya -"Recep Erdogan"')).toEqual({
      type: 'and',
      children: [term('Libya'), { type: 'not', child: phrase('Recep Erdogan') }],
    });
  });

  it('keeps hyphens inside words', () => {
    expect(parseUserQuery('war-torn')).toEqual(term('war-torn'));
  });

  it('treats lower-case and/or/not as ordinary words', () => {
    expect(parseUserQuery('rock and roll')).toEqual({
      type: 'and',
      children: [term('rock'), term('and'), term('roll')],
    });
  });

  it('applies a field prefix to a word, a phrase or a group', () => {
    expect(parseUserQuery('headline:Libya')).toEqual(term('Libya', 'headline'));
    expect(parseUserQuery('byline:"Jane Doe"')).toEqual(phrase('Jane Doe', 'byline'));
    expect(parseUserQuery('HEADLINE:(oil OR gas) body:coal')).toEqual({
      type: 'and',
      children: [
        { type: 'or', children: [term('oil', 'headline'), term('gas', 'headline')] },
        term('coal', 'body'),
      ],
    });
    expect(parseUserQuery('-headline:oil')).toEqual({
      type: 'not',
      child: term('oil', 'headline'),
    });
  });

  it('leaves unknown prefixes and times as text', () => {
    expect(parseUserQuery('10:30 http://x')).toEqual({
      type: 'and',
      children: [term('10:30'), term('http://x')],
    });
  });

  it('never lets engine syntax through as syntax', () => {
    expect(parseUserQuery('title:* OR _exists_:foo~2')).toEqual({
      type: 'or',
      children: [term('title:*'), term('_exists_:foo~2')],
    });
  });

  it.each([
    ['oil AND', /AND at character 5 needs a term after it/],
    ['OR gas', /OR at character 1 needs a term before it/],
    ['oil OR OR gas', /OR at character 5 needs a term after it/],
    ['(oil OR gas', /parenthesis opened at character 1 is never closed/],
    ['oil)', /unmatched "\)" at character 4/],
    ['"oil price', /unclosed quote starting at character 1/],
    ['()', /empty parentheses/],
    ['headline:', /headline: at character 1 needs a word/],
    ['NOT', /NOT at character 1 needs a term after it/],
    ['""', /empty phrase/],
  ])('rejects %j with a precise reason', (q, reason) => {
    expect(errorOf(q).message).toMatch(reason);
  });

  it('limits the number of terms', () => {
    const q = Array.from({ length: 51 }, (_, i) => `w${i}`).join(' OR ');
    expect(errorOf(q).message).toMatch(/too many terms/);
  });
});
