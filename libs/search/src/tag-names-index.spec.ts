import type { Tag } from '@lib/contracts';
import { tagNameDocuments, tagNameSignature, tagNamesIndexFor } from './tag-names-index';

const tag = (id: string, name: string, kind: Tag['kind'] = 'place'): Tag => ({
  id,
  kind,
  name,
  aliases: ['an alias'],
  confidence: 0.9,
  provenance: { method: 'gazetteer', fromProvider: false },
});

describe('tag names index', () => {
  it('keeps one entry per id, the first a story carries, with its names folded and as keys', () => {
    expect(
      tagNameDocuments([
        tag('place:ly', 'Libya'),
        tag('person:khalifa-haftar', "Khalifa Ḥaftar's", 'person'),
        tag('place:ly', 'State of Libya'),
      ]),
    ).toEqual([
      {
        id: 'place:ly',
        kind: 'place',
        name: 'Libya',
        folded: ['libya', 'an alias'],
        keys: ['libya', 'an alias'],
      },
      {
        id: 'person:khalifa-haftar',
        kind: 'person',
        name: "Khalifa Ḥaftar's",
        folded: ['khalifa haftar', 'an alias'],
        keys: ['khalifa haftar', 'an alias'],
      },
    ]);
  });

  it('makes keys of slugs and punctuation the way filters are compared', () => {
    const [doc] = tagNameDocuments([{ ...tag('place:sa', 'Saudi-Arabia'), aliases: ['K.S.A.'] }]);
    expect(doc.keys).toEqual(['saudi arabia', 'k s a']);
    expect(doc.folded).toEqual(['saudi-arabia', 'k.s.a.']);
  });

  it('signs name and aliases, so a change to either is written again', () => {
    const [a] = tagNameDocuments([tag('place:ly', 'Libya')]);
    const [b] = tagNameDocuments([{ ...tag('place:ly', 'Libya'), aliases: ['Libyan Republic'] }]);
    expect(tagNameSignature(a)).not.toBe(tagNameSignature(b));
    expect(tagNameSignature(a)).toBe(tagNameSignature({ ...a }));
  });

  it('lives beside the stories under the same alias prefix', () => {
    expect(tagNamesIndexFor('stories')).toBe('stories-tags');
  });
});
