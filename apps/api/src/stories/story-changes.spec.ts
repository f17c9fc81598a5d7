import type { CanonicalStory } from '@lib/contracts';
import { describeChange, diffSentences } from './story-changes';

const v1: CanonicalStory = {
  uri: 'urn:x',
  version: 1,
  versioncreated: '2024-05-01T10:00:00Z',
  pubstatus: 'usable',
  headline: 'Magnitude 6.1 earthquake strikes off coast',
  body_text: 'An earthquake of magnitude 6.1 struck off the coast. There was no damage.',
  subject: [],
  people: [],
  organisations: [],
  places: [],
  provider: 'ap',
  associations: [],
  links: [],
};

describe('describeChange', () => {
  it('calls the first version first', () => {
    expect(describeChange(null, v1)).toEqual({ kind: 'first', changes: [] });
  });

  it('recognises an agency correction and shows what changed', () => {
    const v2 = {
      ...v1,
      version: 2,
      headline: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
      body_text: 'An earthquake of magnitude 5.1 struck off the coast. There was no damage.',
    };
    expect(describeChange(v1, v2)).toEqual({
      kind: 'correction',
      changes: [
        { field: 'headline', before: v1.headline, after: v2.headline },
        {
          field: 'body_text',
          removed: ['An earthquake of magnitude 6.1 struck off the coast.'],
          added: ['An earthquake of magnitude 5.1 struck off the coast.'],
        },
      ],
    });
  });

  it('calls other changes updates', () => {
    const v2 = { ...v1, version: 2, body_text: `${v1.body_text} Aftershocks followed.` };
    expect(describeChange(v1, v2)).toEqual({
      kind: 'update',
      changes: [{ field: 'body_text', removed: [], added: ['Aftershocks followed.'] }],
    });
  });

  it('calls a version that is no longer usable a kill', () => {
    expect(describeChange(v1, { ...v1, version: 2, pubstatus: 'canceled' })).toEqual({
      kind: 'kill',
      changes: [{ field: 'pubstatus', before: 'usable', after: 'canceled' }],
    });
  });

  it('does not mistake the word "correct" in ordinary copy for a correction', () => {
    const v2 = {
      ...v1,
      version: 2,
      body_text: `${v1.body_text} Officials said the figures were correct.`,
    };
    expect(describeChange(v1, v2).kind).toBe('update');
  });
});

describe('diffSentences', () => {
  it('lists only sentences that changed', () => {
    expect(diffSentences('A b. C d. E f.', 'A b. X y. E f.')).toEqual({
      removed: ['C d.'],
      added: ['X y.'],
    });
  });
});
