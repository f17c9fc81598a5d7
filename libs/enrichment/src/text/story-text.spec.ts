import { readableLead } from './story-text';

const story = (body_text?: string, description?: string) => ({
  headline: 'Budget talks',
  body_text,
  description,
});

describe('readableLead', () => {
  it('returns a story within the bound as it is', () => {
    const short = story('One paragraph.\n\nAnother.', 'An abstract.');
    expect(readableLead(short, 1_000)).toBe(short);
    expect(readableLead(story(undefined), 10)).toEqual(story(undefined));
  });

  it('cuts a long body at the last paragraph break within the bound', () => {
    const body = `${'a'.repeat(60)}\n\n${'b'.repeat(30)}\n\n${'c'.repeat(60)}`;
    const lead = readableLead(story(body), 100);
    expect(lead.body_text).toBe(`${'a'.repeat(60)}\n\n${'b'.repeat(30)}\n`);
    expect(lead.headline).toBe('Budget talks');
  });

  it('cuts at a space when no paragraph break is near, and hard at the bound without spaces', () => {
    const words = 'word '.repeat(40);
    expect(readableLead(story(words), 52).body_text).toBe('word '.repeat(10).trimEnd());
    expect(readableLead(story('x'.repeat(500)), 100).body_text).toBe('x'.repeat(100));
  });

  it('bounds a long abstract the same way, leaving a short body alone', () => {
    const lead = readableLead(story('Short body.', 'y'.repeat(300)), 100);
    expect(lead).toEqual(story('Short body.', 'y'.repeat(100)));
  });
});
