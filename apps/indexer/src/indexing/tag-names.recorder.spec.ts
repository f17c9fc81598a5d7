import { DependencyUnavailableError } from '@lib/kafka';
import type { Tag } from '@lib/contracts';
import { TagNamesNotWrittenError, tagNameDocuments, tagNameSignature } from '@lib/search';
import { asOutage, unwrittenNames } from './tag-names.recorder';

const tag = (id: string, kind: Tag['kind'], name: string, aliases: string[] = []): Tag => ({
  id,
  kind,
  name,
  aliases,
  confidence: 0.9,
  provenance: { method: 'gazetteer', fromProvider: false },
});

describe('unwrittenNames', () => {
  const [libya, opec, sa] = tagNameDocuments([
    tag('place:ly', 'place', 'Libya', ['State of Libya']),
    tag('org:opec', 'organisation', 'OPEC'),
    tag('place:sa', 'place', 'Saudi Arabia'),
  ]);
  const written = new Map([libya, opec].map((doc) => [doc.id, tagNameSignature(doc)]));

  it('skips tags written with the same name and aliases', () => {
    expect(unwrittenNames([libya, opec], written)).toEqual([]);
  });

  it('writes ids never written, and tags whose name or aliases changed', () => {
    const [renamed, realiased] = tagNameDocuments([
      tag('org:opec', 'organisation', 'Organization of the Petroleum Exporting Countries'),
      tag('place:ly', 'place', 'Libya', ['Libyan Arab Jamahiriya']),
    ]);
    expect(unwrittenNames([renamed, realiased, sa], written).map((doc) => doc.id)).toEqual([
      'org:opec',
      'place:ly',
      'place:sa',
    ]);
  });
});

describe('asOutage', () => {
  it('treats names refused by a busy or recovering engine as an outage', () => {
    const busy = new TagNamesNotWrittenError(
      [200, 503],
      ['place:ly: unavailable_shards_exception'],
    );
    expect(asOutage(busy)).toBeInstanceOf(DependencyUnavailableError);
  });

  it('leaves any other failure as it is', () => {
    const rejected = new TagNamesNotWrittenError([400], ['place:ly: mapper_parsing_exception']);
    expect(asOutage(rejected)).toBe(rejected);
    const other = new Error('boom');
    expect(asOutage(other)).toBe(other);
  });
});
