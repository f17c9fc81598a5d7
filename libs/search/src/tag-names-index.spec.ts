import type { Tag } from '@lib/contracts';
import { tagNameDocuments, tagNamesIndexFor } from './tag-names-index';

const tag = (id: string, name: string, kind: Tag['kind'] = 'place'): Tag => ({
  id,
  kind,
  name,
  aliases: ['an alias'],
  confidence: 0.9,
  provenance: { method: 'gazetteer', fromProvider: false },
});

describe('tag names index', () => {
  it('keeps one name per id, the first a story carries, and nothing but id, kind and name', () => {
    expect(
      tagNameDocuments([
        tag('place:ly', 'Libya'),
        tag('person:khalifa-haftar', 'Khalifa Haftar', 'person'),
        tag('place:ly', 'State of Libya'),
      ]),
    ).toEqual([
      { id: 'place:ly', kind: 'place', name: 'Libya' },
      { id: 'person:khalifa-haftar', kind: 'person', name: 'Khalifa Haftar' },
    ]);
  });

  it('lives beside the stories under the same alias prefix', () => {
    expect(tagNamesIndexFor('stories')).toBe('stories-tags');
  });
});
