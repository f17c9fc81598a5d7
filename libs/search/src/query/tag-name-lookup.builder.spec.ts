import { isTagId, readTagNameLookup, tagNameKey } from './tag-name-lookup.builder';

const bucket = (key: string, folded: string[]) => ({
  key,
  entry: { hits: { hits: [{ _source: { folded } }] } },
});

describe('tag name lookup', () => {
  it('tells ids from names by the colon', () => {
    expect(isTagId('place:sa')).toBe(true);
    expect(isTagId('saudi-arabia')).toBe(false);
  });

  it('compares names, slugs and diacritics alike', () => {
    expect(tagNameKey('saudi-arabia')).toBe('saudi arabia');
    expect(tagNameKey('  Saudi_Arabia ')).toBe('saudi arabia');
    expect(tagNameKey('Erdoğan')).toBe('erdogan');
  });

  it('picks the most used tag whose name or alias equals the name, not one that only contains it', () => {
    const aggregations = {
      tags: {
        name_0: {
          ids: {
            buckets: [
              bucket('place:city:riyadh-sa', ['riyadh saudi arabia']),
              bucket('place:sa', ['saudi arabia', 'ksa']),
              bucket('place:sa-old', ['saudi arabia']),
            ],
          },
        },
        name_1: {
          ids: {
            buckets: [bucket('person:recep-tayyip-erdogan', ['recep tayyip erdogan', 'erdogan'])],
          },
        },
        name_2: { ids: { buckets: [bucket('place:sa', ['saudi arabia'])] } },
      },
    };
    expect(readTagNameLookup(['saudi-arabia', 'Erdoğan', 'saudi'], aggregations)).toEqual([
      'place:sa',
      'person:recep-tayyip-erdogan',
      null,
    ]);
  });

  it('finds nothing when the index answered nothing', () => {
    expect(readTagNameLookup(['libya'], undefined)).toEqual([null]);
  });
});
