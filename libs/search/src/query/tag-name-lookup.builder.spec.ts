import { tagNameKey } from '../fold-text';
import {
  buildTagNameLookup,
  isTagId,
  pickMostUsed,
  readTagNameCandidates,
} from './tag-name-lookup.builder';

const hit = (id: string, keys: string[] | string) => ({ _source: { id, keys } });

describe('tag name lookup', () => {
  it('tells ids from names by the colon', () => {
    expect(isTagId('place:sa')).toBe(true);
    expect(isTagId('saudi-arabia')).toBe(false);
  });

  it('compares names, slugs and spellings by one key', () => {
    expect(tagNameKey('saudi-arabia')).toBe('saudi arabia');
    expect(tagNameKey('  Saudi_Arabia ')).toBe('saudi arabia');
    expect(tagNameKey('Erdoğan')).toBe('erdogan');
  });

  it('asks the tag names index for the keys of all names at once, within the kind', () => {
    const request = buildTagNameLookup(['Saudi-Arabia', 'saudi arabia', 'Erdoğan'], 'place');
    expect(request.query).toEqual({
      bool: {
        filter: [{ terms: { keys: ['saudi arabia', 'erdogan'] } }, { term: { kind: 'place' } }],
      },
    });
  });

  it('keeps per name only the tags whose name or alias equals it, not one that contains it', () => {
    const hits = [
      hit('place:city:riyadh-sa', ['riyadh saudi arabia']),
      hit('place:sa', ['saudi arabia', 'ksa']),
      hit('place:sa-old', 'saudi arabia'),
      hit('person:recep-tayyip-erdogan', ['recep tayyip erdogan', 'erdogan']),
    ];
    expect(readTagNameCandidates(['saudi-arabia', 'Erdoğan', 'saudi'], hits)).toEqual([
      ['place:sa', 'place:sa-old'],
      ['person:recep-tayyip-erdogan'],
      [],
    ]);
  });

  it('picks the candidate the most live stories carry, and none that no live story carries', () => {
    const counts = new Map([
      ['place:sa', 12],
      ['place:sa-old', 3],
    ]);
    expect(pickMostUsed([['place:sa-old', 'place:sa'], ['person:gone'], []], counts)).toEqual([
      'place:sa',
      null,
      null,
    ]);
  });
});
